import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ApproverRow, createApprovalAuthority, type ProxyRow } from "./approval-authority";
import {
  applyRequestAction,
  type RequestAction,
  submitRequest,
  type TransitionContext,
} from "./request-state";
import type { Request, RequestContent, RouteStep } from "./request-types";

const people = ["staff-1", "head-general", "deputy-general", "hr-1", "head-tax", "stranger"] as const;
const steps: readonly RouteStep[] = ["sectionHead", "hr"];
const departments = ["general", "tax"] as const;

const novemberOrder: RequestContent = {
  kind: "overtimeOrder",
  payload: { date: "2026-11-30", start: 1035, end: 1095, reason: "予算資料" },
};
const octoberOrder: RequestContent = {
  kind: "overtimeOrder",
  payload: { date: "2026-10-30", start: 1035, end: 1080, reason: "予算資料" },
};
const novemberLeave: RequestContent = {
  kind: "leave",
  payload: { leaveType: "annual", unit: "day", date: "2026-11-30", reason: "" },
};

const personArbitrary = fc.constantFrom(...people);
const approverRowsArbitrary: fc.Arbitrary<ApproverRow[]> = fc.subarray(
  people.flatMap((personId) =>
    steps.flatMap((step) => departments.map((departmentId) => ({ personId, step, departmentId }))),
  ),
);
const proxyRowsArbitrary: fc.Arbitrary<ProxyRow[]> = fc.array(
  fc.record({
    proxyId: personArbitrary,
    approverId: personArbitrary,
    step: fc.constantFrom(...steps),
    departmentId: fc.constantFrom(...departments),
  }),
  { maxLength: 4 },
);

const actingForArbitrary = fc.option(personArbitrary, { nil: undefined });
const reasonArbitrary = fc.constantFrom("", "  ", "理由あり");
const actionArbitrary: fc.Arbitrary<RequestAction> = fc.oneof(
  fc
    .record({ actorId: personArbitrary, actingFor: actingForArbitrary })
    .map(
      ({ actorId, actingFor }): RequestAction =>
        actingFor === undefined ? { type: "approve", actorId } : { type: "approve", actorId, actingFor },
    ),
  fc.record({ actorId: personArbitrary, reason: reasonArbitrary }).map(({ actorId, reason }) => ({
    type: "return" as const,
    actorId,
    reason,
  })),
  fc
    .record({
      actorId: personArbitrary,
      content: fc.constantFrom(novemberOrder, octoberOrder, novemberLeave),
    })
    .map(({ actorId, content }) => ({ type: "resubmit" as const, actorId, content })),
  personArbitrary.map((actorId) => ({ type: "withdraw" as const, actorId })),
  fc.record({ actorId: personArbitrary, reason: reasonArbitrary }).map(({ actorId, reason }) => ({
    type: "requestCancel" as const,
    actorId,
    reason,
  })),
);

interface Scenario {
  route: RouteStep[];
  approvers: ApproverRow[];
  proxies: ProxyRow[];
  actions: RequestAction[];
  closedMonths: string[];
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  route: fc.array(fc.constantFrom(...steps), { minLength: 1, maxLength: 3 }),
  approvers: approverRowsArbitrary,
  proxies: proxyRowsArbitrary,
  actions: fc.array(actionArbitrary, { maxLength: 25 }),
  closedMonths: fc.subarray(["2026-10", "2026-11"]),
});

function submit(route: readonly RouteStep[]): Request {
  const result = submitRequest(
    { id: "request-1", applicantId: "staff-1", departmentId: "general", route, ...novemberOrder },
    { at: "2026-11-27T00:00:00Z", actorId: "staff-1", closedMonths: [] },
  );
  if (!result.ok) throw new Error(result.error);
  return result.request;
}

function contextOf(scenario: Scenario, closedMonths: readonly string[]): TransitionContext {
  return {
    at: "2026-11-27T01:00:00Z",
    authority: createApprovalAuthority(scenario.approvers, scenario.proxies),
    closedMonths,
  };
}

// Eligibility read straight from the tables, independently of the module's own check.
function isEligible(
  scenario: Scenario,
  request: Request,
  step: RouteStep,
  actorId: string,
  actingFor?: string,
) {
  if (actorId === request.applicantId || actingFor === request.applicantId) return false;
  const holds = (personId: string) =>
    scenario.approvers.some(
      (row) => row.personId === personId && row.step === step && row.departmentId === request.departmentId,
    );
  if (actingFor === undefined) return holds(actorId);
  const named = scenario.proxies.some(
    (row) =>
      row.proxyId === actorId &&
      row.approverId === actingFor &&
      row.step === step &&
      row.departmentId === request.departmentId,
  );
  return holds(actingFor) && named;
}

function runAll(start: Request, scenario: Scenario, closedMonths: readonly string[]): Request[] {
  const context = contextOf(scenario, closedMonths);
  const states = [start];
  let current = start;
  for (const action of scenario.actions) {
    const result = applyRequestAction(current, action, context);
    if (result.ok) current = result.request;
    states.push(current);
  }
  return states;
}

describe("request state machine properties", () => {
  it("reaches approved only after every step of the route was approved, in order, by an eligible actor", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        for (const request of runAll(submit(scenario.route), scenario, scenario.closedMonths)) {
          if (request.state.status !== "approved") continue;
          const lastSubmit = request.history.findLastIndex(
            (entry) => entry.action === "submit" || entry.action === "resubmit",
          );
          const approvals = request.history
            .slice(lastSubmit + 1)
            .filter((entry) => entry.action === "approve");
          expect(approvals.map((entry) => entry.step)).toEqual(request.route.map((_, index) => index));
          approvals.forEach((entry, index) => {
            const step = request.route[index];
            if (step === undefined) throw new Error("approval beyond the route");
            expect(isEligible(scenario, request, step, entry.actorId, entry.actingFor)).toBe(true);
          });
        }
      }),
    );
  });

  it("changes nothing about a request whose month is closed", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const open = runAll(submit(scenario.route), scenario, []).at(-1);
        if (open === undefined) throw new Error("no state");
        const before = structuredClone(open);
        const context = contextOf(scenario, [open.payload.date.slice(0, 7)]);
        for (const action of scenario.actions) {
          expect(applyRequestAction(open, action, context)).toEqual({ ok: false, error: "month_closed" });
        }
        expect(open).toEqual(before);
      }),
    );
  });

  it("only ever appends one history entry per transition, withdrawals and cancellations included", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const context = contextOf(scenario, scenario.closedMonths);
        let current = submit(scenario.route);
        for (const action of scenario.actions) {
          const result = applyRequestAction(current, action, context);
          if (!result.ok) continue;
          expect(result.request.history.slice(0, current.history.length)).toEqual(current.history);
          expect(result.request.history).toHaveLength(current.history.length + 1);
          current = result.request;
        }
      }),
    );
  });

  it("gives the same result for the same actions and leaves its inputs untouched", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const start = submit(scenario.route);
        const before = structuredClone(start);
        const first = runAll(start, scenario, scenario.closedMonths);
        const second = runAll(start, scenario, scenario.closedMonths);
        expect(second).toEqual(first);
        expect(start).toEqual(before);
      }),
    );
  });
});
