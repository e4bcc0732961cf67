import { describe, expect, it } from "vitest";
import type { HolidayWorkCompensation, Request } from "./request-types";
import { createTestCalendar, createTestFacts, createTestRequest } from "./requests.fixture";
import { validateRequest } from "./validate-request";

// 2026-11-28 is a Saturday (週休日); 2026-11-23 (Monday) is 勤労感謝の日 (休日).
const holidayWork = (date: string, compensation: HolidayWorkCompensation) => ({
  kind: "holidayWork" as const,
  payload: { date, start: 510, end: 1035, reason: "選挙事務", compensation },
});

function codesOf(result: ReturnType<typeof validateRequest>): string[] {
  return result.ok ? [] : result.problems.map((problem) => problem.code);
}

describe("validateRequest: holiday work with 振替", () => {
  // 4 weeks before 11-28 is 10-31 and 8 weeks after is 2027-01-23, both Saturdays: the edge days are made
  // workdays by hand so the window alone decides.
  const facts = createTestFacts({
    calendar: createTestCalendar({
      "2026-10-31": "workday",
      "2027-01-23": "workday",
      "2027-01-24": "workday",
    }),
  });
  const swapTo = (date: string) => holidayWork("2026-11-28", { kind: "restDaySwap", date });

  it.each([
    ["2026-10-30", ["outside_swap_window"]], // 29 days before
    ["2026-10-31", []], // 28 days before
    ["2026-12-01", []],
    ["2027-01-23", []], // 56 days after
    ["2027-01-24", ["outside_swap_window"]], // 57 days after
  ])("swapping to %s gives %j", (date, codes) => {
    expect(codesOf(validateRequest(swapTo(date), facts))).toEqual(codes);
  });

  it("refuses a swap day that is itself a rest day", () => {
    expect(codesOf(validateRequest(swapTo("2026-11-29"), facts))).toEqual(["not_a_work_day"]);
  });

  it("refuses holiday work on a workday", () => {
    const result = validateRequest(holidayWork("2026-11-30", { kind: "payment" }), facts);
    expect(codesOf(result)).toEqual(["not_a_rest_day"]);
  });

  it("swaps only a 週休日, not a 休日", () => {
    const result = validateRequest(
      holidayWork("2026-11-23", { kind: "restDaySwap", date: "2026-11-24" }),
      facts,
    );
    expect(codesOf(result)).toEqual(["swap_not_weekly_rest"]);
  });

  it("refuses a swap day already given by another holiday work", () => {
    const other = createTestRequest(
      "hw-1",
      holidayWork("2026-11-21", { kind: "restDaySwap", date: "2026-12-01" }),
      {
        status: "approved",
      },
    );
    const result = validateRequest(swapTo("2026-12-01"), createTestFacts({ existingRequests: [other] }));
    expect(codesOf(result)).toEqual(["compensation_day_taken"]);
  });

  describe("at least 4 週休日 in every 4 weeks", () => {
    // The weekends of 2026-11-07/08, 11-14/15 are worked and swapped to December workdays.
    const swapped = (date: string, to: string, id: string): Request =>
      createTestRequest(id, holidayWork(date, { kind: "restDaySwap", date: to }), { status: "approved" });
    const three = [
      swapped("2026-11-07", "2026-12-07", "hw-1"),
      swapped("2026-11-08", "2026-12-08", "hw-2"),
      swapped("2026-11-14", "2026-12-09", "hw-3"),
    ];
    const newSwap = holidayWork("2026-11-21", { kind: "restDaySwap", date: "2026-12-11" });

    it("accepts a fourth swap that leaves 4: 10-25..11-21 keeps 10-25, 10-31, 11-01, 11-15", () => {
      expect(validateRequest(newSwap, createTestFacts({ existingRequests: three }))).toEqual({ ok: true });
    });

    it("refuses a fifth that leaves 3: 10-25..11-21 keeps 10-25, 10-31, 11-01", () => {
      const four = [...three, swapped("2026-11-15", "2026-12-10", "hw-4")];
      const result = validateRequest(newSwap, createTestFacts({ existingRequests: four }));
      expect(result.ok ? [] : result.problems).toEqual([
        expect.objectContaining({
          code: "too_few_rest_days",
          field: "compensation.date",
          params: { from: "2026-10-25", to: "2026-11-21", restDays: 3, minimum: 4 },
        }),
      ]);
    });

    it("ignores a withdrawn swap", () => {
      const four = [
        ...three,
        createTestRequest("hw-4", holidayWork("2026-11-15", { kind: "restDaySwap", date: "2026-12-10" }), {
          status: "withdrawn",
        }),
      ];
      expect(validateRequest(newSwap, createTestFacts({ existingRequests: four }))).toEqual({ ok: true });
    });
  });
});

describe("validateRequest: holiday work with 代休日 or payment", () => {
  const facts = createTestFacts();
  const dayOffFor = (date: string) => holidayWork("2026-11-23", { kind: "compensatoryDay", date });

  it.each([
    ["2026-11-23", ["outside_compensatory_day_window", "not_a_work_day"]], // the holiday itself
    ["2026-11-24", []], // the day after
    ["2027-01-18", []], // 56 days after
    ["2027-01-19", ["outside_compensatory_day_window"]], // 57 days after
    ["2026-11-20", ["outside_compensatory_day_window"]], // before the holiday
  ])("a 代休日 on %s gives %j", (date, codes) => {
    expect(codesOf(validateRequest(dayOffFor(date), facts))).toEqual(codes);
  });

  it("gives a 代休日 only for a 休日, not for a 週休日", () => {
    const result = validateRequest(
      holidayWork("2026-11-28", { kind: "compensatoryDay", date: "2026-11-30" }),
      facts,
    );
    expect(codesOf(result)).toEqual(["compensatory_day_not_holiday"]);
  });

  it("needs nothing more for payment on a 休日", () => {
    expect(validateRequest(holidayWork("2026-11-23", { kind: "payment" }), facts)).toEqual({ ok: true });
  });

  it("counts a paid 週休日 toward the caps: 44 h + 8 h 45 min is 7 h 45 min over 45 h", () => {
    const result = validateRequest(holidayWork("2026-11-29", { kind: "payment" }), facts);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({
        code: "cap_exceeded",
        params: expect.objectContaining({ excessMinutes: 465 }),
      }),
    ]);
    const light = createTestFacts({
      overtimeByMonth: [{ month: "2026-11", overtimeMinutes: 0, externallyDriven: false }],
    });
    expect(validateRequest(holidayWork("2026-11-29", { kind: "payment" }), light)).toEqual({ ok: true });
  });

  it("refuses a 代休日 falling in a closed month", () => {
    const result = validateRequest(dayOffFor("2026-12-01"), createTestFacts({ closedMonths: ["2026-12"] }));
    expect(codesOf(result)).toEqual(["month_closed"]);
  });
});
