import { describe, expect, it } from "vitest";
import { createTestFacts, createTestRequest } from "./requests.fixture";
import { validateRequest } from "./validate-request";

const content = {
  kind: "leave" as const,
  payload: { leaveType: "annual", unit: "day" as const, date: "2026-11-30", reason: "" },
};

describe("validateRequest: checks every kind gets", () => {
  it("refuses the same request while an identical one waits, not once it was withdrawn or approved", () => {
    const waiting = createTestRequest("leave-1", content, { status: "pending", step: 0 });
    const result = validateRequest(content, createTestFacts({ existingRequests: [waiting] }));
    expect(result.ok ? [] : result.problems.map((problem) => problem.code)).toContain("duplicate_request");
    const withdrawn = createTestRequest("leave-1", content, { status: "withdrawn" });
    expect(validateRequest(content, createTestFacts({ existingRequests: [withdrawn] }))).toEqual({
      ok: true,
    });
  });

  it("does not compare a resubmitted request with itself", () => {
    const returned = createTestRequest("leave-1", content, { status: "pending", step: 0 });
    expect(validateRequest(content, createTestFacts({ existingRequests: [returned] }), "leave-1")).toEqual({
      ok: true,
    });
  });

  it("names every closed month a run of leave touches, and the others are fine", () => {
    const run = { ...content, payload: { ...content.payload, date: "2026-11-30", to: "2026-12-01" } };
    const result = validateRequest(run, createTestFacts({ closedMonths: ["2026-10", "2026-12"] }));
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({ code: "month_closed", params: { month: "2026-12" } }),
    ]);
  });
});
