import { describe, expect, it } from "vitest";
import type { CompensatoryTimePayload } from "./request-types";
import { createTestFacts, createTestRequest } from "./requests.fixture";
import { validateRequest } from "./validate-request";

// June 2026 had overtime beyond 60 h worth 8 h of rest. 8:30 = 510, 13:30 = 810, 17:15 = 1035.
const rest = (overrides: Partial<CompensatoryTimePayload> = {}) => ({
  kind: "compensatoryTime" as const,
  payload: { date: "2026-07-01", start: 510, end: 810, fromMonth: "2026-06", ...overrides },
});
const facts = createTestFacts({ compensatoryTimeByMonth: [{ month: "2026-06", minutes: 480 }] });

function codesOf(result: ReturnType<typeof validateRequest>): string[] {
  return result.ok ? [] : result.problems.map((problem) => problem.code);
}

describe("validateRequest: 時間外勤務代休時間", () => {
  it.each([
    ["2026-06-30", ["outside_compensatory_time_window"]], // the month itself
    ["2026-07-01", []], // the first day after it
    ["2026-08-31", []], // the last day of the second month after
    ["2026-09-01", ["outside_compensatory_time_window"]], // the third month
  ])("rest on %s gives %j", (date, codes) => {
    expect(codesOf(validateRequest(rest({ date }), facts))).toEqual(codes);
  });

  it.each([
    // 4 h of the 8 h are already used by 2026-07-02.
    [510, 810, []], // 8:30–13:30 around the break: 4 h
    [795, 1035, []], // 13:15–17:15: 4 h after the break
    [510, 1035, ["insufficient_compensatory_time"]], // the whole day, 7 h 45 min: 4 h of the 8 h are used
    [510, 720, ["compensatory_time_unit"]], // 8:30–12:00: 3 h 30 min
    [480, 780, ["outside_schedule"]], // starts at 8:00
  ])("rest %i–%i gives %j", (start, end, codes) => {
    const fourHoursUsed = createTestRequest("rest-1", rest({ date: "2026-07-02" }), { status: "approved" });
    const withUse = createTestFacts({ ...facts, existingRequests: [fourHoursUsed] });
    expect(codesOf(validateRequest(rest({ start, end }), withUse))).toEqual(codes);
  });

  it("takes the whole day when nothing was used yet", () => {
    expect(validateRequest(rest({ end: 1035 }), facts)).toEqual({ ok: true });
  });

  it("refuses rest for a month without hours beyond 60", () => {
    expect(codesOf(validateRequest(rest({ fromMonth: "2026-05" }), facts))).toEqual(["no_hours_beyond_60"]);
  });

  it("refuses rest on a 週休日", () => {
    expect(codesOf(validateRequest(rest({ date: "2026-07-04" }), facts))).toEqual(["not_a_work_day"]);
  });
});
