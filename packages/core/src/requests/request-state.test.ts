import { describe, expect, it } from "vitest";
import { createApprovalAuthority } from "./approval-authority";
import {
  applyRequestAction,
  type RequestAction,
  type RequestDraft,
  submitRequest,
  type TransitionContext,
} from "./request-state";
import { type Request, type RouteStep, readRequestContent } from "./request-types";

const authority = createApprovalAuthority(
  [
    { personId: "head-general", step: "sectionHead", departmentId: "general" },
    { personId: "head-tax", step: "sectionHead", departmentId: "tax" },
    { personId: "hr-1", step: "hr", departmentId: "general" },
  ],
  [{ proxyId: "deputy-general", approverId: "head-general", step: "sectionHead", departmentId: "general" }],
);

const context = (overrides: Partial<TransitionContext> = {}): TransitionContext => ({
  at: "2026-11-27T01:00:00Z",
  authority,
  closedMonths: [],
  ...overrides,
});

function draft(route: readonly RouteStep[] = ["sectionHead"]): RequestDraft {
  return {
    id: "request-1",
    applicantId: "staff-1",
    departmentId: "general",
    route,
    kind: "overtimeOrder",
    payload: { date: "2026-11-30", start: 1035, end: 1095, reason: "議会答弁資料の作成" },
  };
}

function submitted(route: readonly RouteStep[] = ["sectionHead"]): Request {
  const result = submitRequest(draft(route), {
    at: "2026-11-27T00:00:00Z",
    actorId: "staff-1",
    closedMonths: [],
  });
  if (!result.ok) throw new Error(`submit failed: ${result.error}`);
  return result.request;
}

function run(request: Request, actions: readonly RequestAction[], ctx = context()): Request {
  return actions.reduce((current, action) => {
    const result = applyRequestAction(current, action, ctx);
    if (!result.ok) throw new Error(`${action.type} failed: ${result.error}`);
    return result.request;
  }, request);
}

describe("submitRequest", () => {
  it("puts a new request at the first step of its route with a submit entry", () => {
    const request = submitted();
    expect(request.state).toEqual({ status: "pending", step: 0 });
    expect(request.history).toEqual([{ action: "submit", actorId: "staff-1", at: "2026-11-27T00:00:00Z" }]);
  });

  it("refuses a request for a day in a closed month", () => {
    const result = submitRequest(draft(), {
      at: "2026-11-27T00:00:00Z",
      actorId: "staff-1",
      closedMonths: ["2026-11"],
    });
    expect(result).toEqual({ ok: false, error: "month_closed" });
  });
});

describe("applyRequestAction: approving", () => {
  it("approves on the section head's decision when the route has one step", () => {
    const request = run(submitted(), [{ type: "approve", actorId: "head-general" }]);
    expect(request.state).toEqual({ status: "approved" });
    expect(request.history.at(-1)).toEqual({
      action: "approve",
      actorId: "head-general",
      at: "2026-11-27T01:00:00Z",
      step: 0,
    });
  });

  it("waits for HR after the section head when the route has two steps", () => {
    const afterHead = run(submitted(["sectionHead", "hr"]), [{ type: "approve", actorId: "head-general" }]);
    expect(afterHead.state).toEqual({ status: "pending", step: 1 });
    const refused = applyRequestAction(afterHead, { type: "approve", actorId: "head-general" }, context());
    expect(refused).toEqual({ ok: false, error: "not_approver" });
    expect(run(afterHead, [{ type: "approve", actorId: "hr-1" }]).state).toEqual({ status: "approved" });
  });

  it("refuses the head of another section", () => {
    const result = applyRequestAction(submitted(), { type: "approve", actorId: "head-tax" }, context());
    expect(result).toEqual({ ok: false, error: "not_approver" });
  });

  it("refuses an approver deciding their own request", () => {
    const own: Request = { ...submitted(), applicantId: "head-general" };
    expect(applyRequestAction(own, { type: "approve", actorId: "head-general" }, context())).toEqual({
      ok: false,
      error: "own_request",
    });
    // Nor may the proxy decide it in the applicant's name.
    const byProxy = applyRequestAction(
      own,
      { type: "approve", actorId: "deputy-general", actingFor: "head-general" },
      context(),
    );
    expect(byProxy).toEqual({ ok: false, error: "own_request" });
  });

  it("lets the named proxy decide (代決) for the absent section head and records for whom", () => {
    const request = run(submitted(), [
      { type: "approve", actorId: "deputy-general", actingFor: "head-general" },
    ]);
    expect(request.state).toEqual({ status: "approved" });
    expect(request.history.at(-1)?.actingFor).toBe("head-general");
  });

  it("refuses a proxy without acting for anyone, and a proxy acting for someone they do not stand in for", () => {
    expect(
      applyRequestAction(submitted(), { type: "approve", actorId: "deputy-general" }, context()),
    ).toEqual({
      ok: false,
      error: "not_approver",
    });
    const forTax = applyRequestAction(
      submitted(),
      { type: "approve", actorId: "deputy-general", actingFor: "head-tax" },
      context(),
    );
    expect(forTax).toEqual({ ok: false, error: "not_approver" });
  });

  it("refuses a second approval of an approved request", () => {
    const approved = run(submitted(), [{ type: "approve", actorId: "head-general" }]);
    expect(applyRequestAction(approved, { type: "approve", actorId: "head-general" }, context())).toEqual({
      ok: false,
      error: "wrong_state",
    });
  });
});

describe("applyRequestAction: returning, resubmitting, withdrawing", () => {
  it("returns to the applicant only with a reason", () => {
    expect(
      applyRequestAction(submitted(), { type: "return", actorId: "head-general", reason: "  " }, context()),
    ).toEqual({
      ok: false,
      error: "reason_required",
    });
    const returned = run(submitted(), [
      { type: "return", actorId: "head-general", reason: "時間を見直してください" },
    ]);
    expect(returned.state).toEqual({ status: "returned" });
    expect(returned.history.at(-1)?.reason).toBe("時間を見直してください");
  });

  it("starts the route again on resubmission and keeps what was replaced", () => {
    const original = submitted(["sectionHead", "hr"]);
    const payload = { date: "2026-11-30", start: 1035, end: 1080, reason: "議会答弁資料の作成" };
    const request = run(original, [
      { type: "approve", actorId: "head-general" },
      { type: "return", actorId: "hr-1", reason: "45分で足ります" },
      { type: "resubmit", actorId: "staff-1", content: { kind: "overtimeOrder", payload } },
    ]);
    expect(request.state).toEqual({ status: "pending", step: 0 });
    expect(request.payload).toEqual(payload);
    expect(request.history.at(-1)?.replaced).toEqual({ kind: "overtimeOrder", payload: original.payload });
    expect(request.history).toHaveLength(4);
  });

  it("refuses a resubmission that changes the kind, or one by someone else", () => {
    const returned = run(submitted(), [
      { type: "return", actorId: "head-general", reason: "理由を具体的に" },
    ]);
    const punch = {
      kind: "punchCorrection",
      payload: { date: "2026-11-30", clockIn: 510, clockOut: null, reason: "忘れ" },
    } as const;
    expect(
      applyRequestAction(returned, { type: "resubmit", actorId: "staff-1", content: punch }, context()),
    ).toEqual({
      ok: false,
      error: "kind_changed",
    });
    const content = readRequestContent(returned);
    expect(
      applyRequestAction(returned, { type: "resubmit", actorId: "staff-2", content }, context()),
    ).toEqual({
      ok: false,
      error: "not_applicant",
    });
  });

  it("lets the applicant withdraw while pending or returned, not once approved", () => {
    expect(run(submitted(), [{ type: "withdraw", actorId: "staff-1" }]).state).toEqual({
      status: "withdrawn",
    });
    const returned = run(submitted(), [{ type: "return", actorId: "head-general", reason: "不要" }]);
    expect(run(returned, [{ type: "withdraw", actorId: "staff-1" }]).state).toEqual({ status: "withdrawn" });
    const approved = run(submitted(), [{ type: "approve", actorId: "head-general" }]);
    expect(applyRequestAction(approved, { type: "withdraw", actorId: "staff-1" }, context())).toEqual({
      ok: false,
      error: "wrong_state",
    });
  });

  it("lets the section head who entered an order for the staff member withdraw it", () => {
    const result = submitRequest(draft(), {
      at: "2026-11-27T00:00:00Z",
      actorId: "head-general",
      closedMonths: [],
    });
    if (!result.ok) throw new Error(result.error);
    expect(run(result.request, [{ type: "withdraw", actorId: "head-general" }]).state).toEqual({
      status: "withdrawn",
    });
  });
});

describe("applyRequestAction: cancelling an approved request", () => {
  const approved = () =>
    run(submitted(["sectionHead", "hr"]), [
      { type: "approve", actorId: "head-general" },
      { type: "approve", actorId: "hr-1" },
    ]);

  it("walks the route again and ends cancelled", () => {
    const request = run(approved(), [
      { type: "requestCancel", actorId: "staff-1", reason: "会議が中止になった" },
      { type: "approve", actorId: "head-general" },
    ]);
    expect(request.state).toEqual({ status: "cancelPending", step: 1 });
    const cancelled = run(request, [{ type: "approve", actorId: "hr-1" }]);
    expect(cancelled.state).toEqual({ status: "cancelled" });
    expect(cancelled.history.map((entry) => entry.action)).toEqual([
      "submit",
      "approve",
      "approve",
      "requestCancel",
      "approveCancel",
      "approveCancel",
    ]);
  });

  it("keeps the approval when the cancellation is returned", () => {
    const request = run(approved(), [
      { type: "requestCancel", actorId: "staff-1", reason: "会議が中止になった" },
      { type: "return", actorId: "head-general", reason: "実施済みです" },
    ]);
    expect(request.state).toEqual({ status: "approved" });
    expect(request.history.at(-1)?.action).toBe("returnCancel");
  });

  it("needs a reason and an approved request", () => {
    expect(
      applyRequestAction(approved(), { type: "requestCancel", actorId: "staff-1", reason: "" }, context()),
    ).toEqual({
      ok: false,
      error: "reason_required",
    });
    expect(
      applyRequestAction(
        submitted(),
        { type: "requestCancel", actorId: "staff-1", reason: "不要" },
        context(),
      ),
    ).toEqual({
      ok: false,
      error: "wrong_state",
    });
  });
});

describe("applyRequestAction: closed months", () => {
  it("refuses approving or cancelling anything in a closed month and changes nothing", () => {
    const closed = context({ closedMonths: ["2026-11"] });
    const pending = submitted();
    expect(applyRequestAction(pending, { type: "approve", actorId: "head-general" }, closed)).toEqual({
      ok: false,
      error: "month_closed",
    });
    const approved = run(submitted(), [{ type: "approve", actorId: "head-general" }]);
    expect(
      applyRequestAction(approved, { type: "requestCancel", actorId: "staff-1", reason: "誤り" }, closed),
    ).toEqual({
      ok: false,
      error: "month_closed",
    });
  });

  it("refuses a resubmission moving the request into a closed month", () => {
    const returned = run(submitted(), [{ type: "return", actorId: "head-general", reason: "日付違い" }]);
    const content = {
      kind: "overtimeOrder",
      payload: { date: "2026-10-30", start: 1035, end: 1095, reason: "議会答弁資料の作成" },
    } as const;
    const result = applyRequestAction(
      returned,
      { type: "resubmit", actorId: "staff-1", content },
      context({ closedMonths: ["2026-10"] }),
    );
    expect(result).toEqual({ ok: false, error: "month_closed" });
  });
});
