import { describe, expect, it } from "vitest";
import type { PunchCorrectionPayload } from "./request-types";
import { createTestFacts } from "./requests.fixture";
import { validateRequest } from "./validate-request";

const correction = (overrides: Partial<PunchCorrectionPayload> = {}) => ({
  kind: "punchCorrection" as const,
  payload: { date: "2026-11-26", clockIn: 510, clockOut: 1050, reason: "カードを忘れた", ...overrides },
});

function codesOf(result: ReturnType<typeof validateRequest>): string[] {
  return result.ok ? [] : result.problems.map((problem) => problem.code);
}

describe("validateRequest: punch correction", () => {
  it.each([
    [{}, []],
    [{ clockIn: null }, []],
    [{ clockOut: 1500 }, []], // 25:00: after midnight, still the 26th's work day
    [{ reason: "" }, ["reason_required"]],
    [{ clockIn: null, clockOut: null }, ["nothing_to_correct"]],
    [{ clockIn: 1050, clockOut: 1050 }, ["clock_out_before_clock_in"]],
    [{ clockIn: 1051, clockOut: 1050 }, ["clock_out_before_clock_in"]],
    [{ clockIn: -1 }, ["not_a_minute"]],
    [{ date: "2026-11-27" }, []], // today
    [{ date: "2026-11-28" }, ["future_date"]], // tomorrow
  ])("%j gives %j", (overrides, codes) => {
    expect(codesOf(validateRequest(correction(overrides), createTestFacts()))).toEqual(codes);
  });

  it("refuses a correction in a closed month", () => {
    const result = validateRequest(correction(), createTestFacts({ closedMonths: ["2026-11"] }));
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({ field: "date", code: "month_closed", params: { month: "2026-11" } }),
    ]);
  });
});
