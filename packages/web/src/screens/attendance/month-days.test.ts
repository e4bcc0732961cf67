import { describe, expect, it } from "vitest";
import {
  currentMonthInTokyo,
  datesOfMonth,
  formatMinutesCell,
  formatMonth,
  isMonth,
  shiftMonth,
  weekdayOf,
} from "./month-days";

describe("months and days on the monthly screens", () => {
  it("takes this month in Tokyo, which is already November there on the evening of 31 October UTC", () => {
    expect(currentMonthInTokyo(new Date("2026-10-31T15:30:00Z"))).toBe("2026-11");
    expect(currentMonthInTokyo(new Date("2026-10-31T14:59:00Z"))).toBe("2026-10");
  });

  it("steps across the turn of the year", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-10", 0)).toBe("2026-10");
  });

  it("knows the weekday of a date whatever the host's zone", () => {
    expect(weekdayOf("2026-10-01")).toBe(4);
    expect(weekdayOf("2026-10-04")).toBe(0);
    expect(weekdayOf("2026-10-31")).toBe(6);
  });

  it("accepts only YYYY-MM months", () => {
    expect(isMonth("2026-10")).toBe(true);
    expect(isMonth("2026-13")).toBe(false);
    expect(isMonth("2026-1")).toBe(false);
    expect(isMonth(null)).toBe(false);
  });

  it("writes the month in each language", () => {
    expect(formatMonth("2026-10", "ja")).toBe("2026年10月");
    expect(formatMonth("2026-10", "en")).toBe("October 2026");
  });

  it("leaves a zero cell empty and writes other minutes as H:MM", () => {
    expect(formatMinutesCell(0)).toBe("");
    expect(formatMinutesCell(465)).toBe("7:45");
    expect(formatMinutesCell(6000)).toBe("100:00");
  });

  it("lists every date of a month, leap February included", () => {
    expect(datesOfMonth("2028-02")).toHaveLength(29);
    expect(datesOfMonth("2026-10").at(-1)).toBe("2026-10-31");
  });
});
