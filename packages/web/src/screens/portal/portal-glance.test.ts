import type { AttendanceDayDto } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import {
  addDays,
  certificateNeedsRenewal,
  daysUntil,
  formatLeaveRemaining,
  glanceAtMonth,
  lastDays,
} from "./portal-glance";

type Day = Pick<
  AttendanceDayDto,
  "clockIn" | "workedMinutes" | "overtimeMinutes" | "leaveMinutes" | "problems"
>;

function day(change: Partial<Day>): Day {
  return { clockIn: null, workedMinutes: 0, overtimeMinutes: 0, leaveMinutes: 0, problems: [], ...change };
}

describe("glanceAtMonth", () => {
  it("counts the days worked, their hours and overtime, and the days to check", () => {
    const glance = glanceAtMonth({
      days: [
        day({ clockIn: "08:30", workedMinutes: 570, overtimeMinutes: 105 }),
        day({ clockIn: "08:30", workedMinutes: 0, problems: [{ kind: "missing_clock_out" }] }),
        day({}),
        day({ leaveMinutes: 465 }),
      ],
    });
    expect(glance).toEqual({
      workedDays: 2,
      workedMinutes: 570,
      overtimeMinutes: 105,
      leaveMinutes: 465,
      daysToCheck: 1,
    });
  });
});

describe("dates for the portal", () => {
  it("moves across month and leap-year ends", () => {
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("takes the last 7 days up to today", () => {
    expect(lastDays("2026-10-03", 7)).toEqual({ from: "2026-09-27", to: "2026-10-03" });
  });

  it("counts days to a certificate's end on the Tokyo calendar", () => {
    // 2027-01-10T20:00Z is already 11 January in Tokyo.
    expect(daysUntil("2027-01-10T20:00:00Z", "2026-12-31")).toBe(11);
    expect(daysUntil("2026-12-30T00:00:00Z", "2026-12-31")).toBe(-1);
    expect(daysUntil(null, "2026-12-31")).toBeNull();
  });

  it("warns within 90 days of the end, or when the server says so", () => {
    expect(certificateNeedsRenewal(90, false)).toBe(true);
    expect(certificateNeedsRenewal(91, false)).toBe(false);
    expect(certificateNeedsRenewal(null, true)).toBe(true);
    expect(certificateNeedsRenewal(null, false)).toBe(false);
  });
});

describe("formatLeaveRemaining", () => {
  it("writes days, then hours and minutes only when there are some", () => {
    expect(formatLeaveRemaining({ days: 12, hours: 3, minutes: 0 }, "ja")).toBe("12日3時間");
    expect(formatLeaveRemaining({ days: 0, hours: 0, minutes: 45 }, "ja")).toBe("0日45分");
    expect(formatLeaveRemaining({ days: 1, hours: 0, minutes: 0 }, "en")).toBe("1 day");
    expect(formatLeaveRemaining({ days: 20, hours: 2, minutes: 30 }, "en")).toBe("20 days 2 h 30 min");
  });
});
