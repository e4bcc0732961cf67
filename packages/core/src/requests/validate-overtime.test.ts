import { describe, expect, it } from "vitest";
import type { OvertimeOrderPayload, OvertimeResultPayload } from "./request-types";
import { createTestFacts, createTestRequest } from "./requests.fixture";
import { validateRequest } from "./validate-request";

// Minutes of the day: 17:15 = 1035, 18:15 = 1095. The fixture's person has 44 h (2,640 min) in November.
const order = (overrides: Partial<OvertimeOrderPayload> = {}) => ({
  kind: "overtimeOrder" as const,
  payload: { date: "2026-11-30", start: 1035, end: 1095, reason: "議会答弁資料の作成", ...overrides },
});

function codesOf(result: ReturnType<typeof validateRequest>): string[] {
  return result.ok ? [] : result.problems.map((problem) => problem.code);
}

describe("validateRequest: overtime order", () => {
  it("accepts 17:15–17:45 on a Monday within the caps", () => {
    expect(validateRequest(order({ end: 1065 }), createTestFacts())).toEqual({ ok: true });
  });

  it.each([
    // 15-minute units: 60 and 15 minutes pass, 65 and 14 do not.
    [1035, 1095, []],
    [1035, 1050, []],
    [1035, 1100, ["order_unit"]],
    [1035, 1049, ["order_unit"]],
  ])("checks the unit for %i–%i", (start, end, codes) => {
    const facts = createTestFacts({
      overtimeByMonth: [{ month: "2026-11", overtimeMinutes: 0, externallyDriven: false }],
    });
    expect(codesOf(validateRequest(order({ start, end }), facts))).toEqual(codes);
  });

  it("refuses an end at or before the start, and says why", () => {
    const result = validateRequest(order({ start: 1095, end: 1095 }), createTestFacts());
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({ field: "end", code: "end_before_start" }),
    ]);
  });

  it("refuses time inside the scheduled hours but allows working through the break", () => {
    // 17:00–18:00 overlaps 17:00–17:15 of the schedule; 12:00–13:00 is the unpaid break.
    const facts = createTestFacts({
      overtimeByMonth: [{ month: "2026-11", overtimeMinutes: 0, externallyDriven: false }],
    });
    expect(codesOf(validateRequest(order({ start: 1020, end: 1080 }), facts))).toEqual(["overlaps_schedule"]);
    expect(codesOf(validateRequest(order({ start: 720, end: 780 }), facts))).toEqual([]);
  });

  it("sends rest-day work to a holiday-work request", () => {
    expect(codesOf(validateRequest(order({ date: "2026-11-28" }), createTestFacts()))).toEqual([
      "not_a_work_day",
    ]);
  });

  it("refuses an order overlapping another active order the same day, not a withdrawn one", () => {
    const other = (status: "approved" | "withdrawn") =>
      createTestRequest("order-7", order({ start: 1080, end: 1140 }), { status });
    const clash = validateRequest(order(), createTestFacts({ existingRequests: [other("approved")] }));
    expect(codesOf(clash)).toContain("overlaps_request");
    const after = validateRequest(
      order({ start: 1140, end: 1200 }),
      createTestFacts({ existingRequests: [other("approved")] }),
    );
    expect(codesOf(after)).not.toContain("overlaps_request");
    const withdrawn = validateRequest(order(), createTestFacts({ existingRequests: [other("withdrawn")] }));
    expect(codesOf(withdrawn)).not.toContain("overlaps_request");
  });

  it.each([
    // 2,640 + 60 = 2,700 = 45 h: at the cap, allowed. 2,640 + 75 = 2,715: 15 minutes over.
    [1095, null],
    [1110, 15],
  ])("checks the 45-hour month cap for an order ending at %i", (end, excess) => {
    const result = validateRequest(order({ end }), createTestFacts());
    const cap = result.ok ? undefined : result.problems.find((problem) => problem.code === "cap_exceeded");
    if (excess === null) expect(cap).toBeUndefined();
    else expect(cap?.params).toMatchObject({ cap: "month", excessMinutes: excess, limitMinutes: 2700 });
  });

  it("reports the year cap with the hours over it", () => {
    // April–October 7 × 45 h = 18,900; November 44 h = 2,640; total 21,540; + 75 = 21,615 > 21,600 by 15.
    const months = ["04", "05", "06", "07", "08", "09", "10"].map((month) => ({
      month: `2026-${month}`,
      overtimeMinutes: 45 * 60,
      externallyDriven: false,
    }));
    const facts = createTestFacts({
      overtimeByMonth: [...months, { month: "2026-11", overtimeMinutes: 2640, externallyDriven: false }],
    });
    const result = validateRequest(order({ end: 1110 }), facts);
    const caps = result.ok ? [] : result.problems.filter((problem) => problem.code === "cap_exceeded");
    expect(caps.map((problem) => problem.params?.cap)).toEqual(["month", "year"]);
    expect(caps[1]?.params).toMatchObject({ minutes: 21615, excessMinutes: 15 });
  });

  it("holds a 他律的 section under 100 hours: 99 h 15 min passes, 100 h does not", () => {
    const facts = createTestFacts({
      overtimeByMonth: [{ month: "2026-11", overtimeMinutes: 99 * 60, externallyDriven: true }],
    });
    expect(codesOf(validateRequest(order({ end: 1080 }), facts))).toEqual([]);
    expect(codesOf(validateRequest(order({ end: 1095 }), facts))).toEqual(["cap_exceeded"]);
  });

  it("needs a reason", () => {
    expect(codesOf(validateRequest(order({ reason: " " }), createTestFacts()))).toEqual(["reason_required"]);
  });
});

describe("validateRequest: overtime result", () => {
  const approvedOrder = createTestRequest("order-1", order({ date: "2026-11-26" }), { status: "approved" });
  const result = (overrides: Partial<OvertimeResultPayload> = {}) => ({
    kind: "overtimeResult" as const,
    payload: {
      date: "2026-11-26",
      start: 1035,
      end: 1080,
      reason: "資料作成",
      orderId: "order-1",
      ...overrides,
    },
  });

  it("accepts the result of an approved order on its day", () => {
    expect(validateRequest(result(), createTestFacts({ existingRequests: [approvedOrder] }))).toEqual({
      ok: true,
    });
  });

  it("refuses a result for another day than the order's, an order not approved, and an unknown order", () => {
    const facts = createTestFacts({ existingRequests: [approvedOrder] });
    expect(codesOf(validateRequest(result({ date: "2026-11-25" }), facts))).toEqual(["outside_order_day"]);
    const pending = createTestRequest("order-1", order({ date: "2026-11-26" }), {
      status: "pending",
      step: 0,
    });
    expect(codesOf(validateRequest(result(), createTestFacts({ existingRequests: [pending] })))).toEqual([
      "order_not_approved",
    ]);
    expect(codesOf(validateRequest(result({ orderId: "order-9" }), facts))).toEqual(["order_not_found"]);
  });

  it("refuses a result for tomorrow (2026-11-28 when today is 2026-11-27) and allows today", () => {
    const tomorrowOrder = createTestRequest("order-2", order({ date: "2026-11-28" }), { status: "approved" });
    const todayOrder = createTestRequest("order-3", order({ date: "2026-11-27" }), { status: "approved" });
    const facts = createTestFacts({ existingRequests: [tomorrowOrder, todayOrder] });
    expect(codesOf(validateRequest(result({ date: "2026-11-28", orderId: "order-2" }), facts))).toEqual([
      "future_date",
    ]);
    expect(codesOf(validateRequest(result({ date: "2026-11-27", orderId: "order-3" }), facts))).toEqual([]);
  });

  it("refuses a second result for one order, but not when resubmitting the same result", () => {
    const earlier = createTestRequest("result-1", result(), { status: "pending", step: 0 });
    const facts = createTestFacts({ existingRequests: [approvedOrder, earlier] });
    expect(codesOf(validateRequest(result({ end: 1095 }), facts))).toEqual(["overlaps_request"]);
    expect(validateRequest(result({ end: 1095 }), facts, "result-1")).toEqual({ ok: true });
  });

  it("refuses a result in a closed month", () => {
    const facts = createTestFacts({ existingRequests: [approvedOrder], closedMonths: ["2026-11"] });
    expect(codesOf(validateRequest(result(), facts))).toEqual(["month_closed"]);
  });
});
