import type { LocalMonth } from "../attendance/month-key";
import { type ApprovalAuthority, checkEligibility } from "./approval-authority";
import { touchesClosedMonth } from "./request-months";
import {
  type HistoryEntry,
  type Request,
  type RequestContent,
  type RequestState,
  type RouteStep,
  readRequestContent,
} from "./request-types";

/*
 * The approval state machine (決裁). A request waits at each step of its route in turn; 差戻し sends it back
 * to the applicant, who fixes and resubmits it or withdraws it. There is no separate 却下 state: a refusal
 * is a return with its reason, and the applicant then withdraws, so every refused request ends the same
 * way and keeps its history. An approved request is undone only by a cancellation (取消) that walks the
 * same route. While any month a request touches is closed (月次締め), nothing about it changes.
 */

export type RequestAction =
  | { type: "approve"; actorId: string; actingFor?: string }
  | { type: "return"; actorId: string; reason: string; actingFor?: string }
  | { type: "resubmit"; actorId: string; content: RequestContent }
  | { type: "withdraw"; actorId: string; reason?: string }
  | { type: "requestCancel"; actorId: string; reason: string };

export type TransitionError =
  | "not_approver"
  | "own_request"
  | "not_applicant"
  | "wrong_state"
  | "month_closed"
  | "reason_required"
  | "kind_changed";

export type TransitionResult = { ok: true; request: Request } | { ok: false; error: TransitionError };

export interface TransitionContext {
  /** The instant of the action (UTC, ISO 8601); the reducer never reads a clock. */
  at: string;
  authority: ApprovalAuthority;
  closedMonths: readonly LocalMonth[];
}

/** A request as entered, before it joins the route. */
export type RequestDraft = {
  id: string;
  applicantId: string;
  departmentId: string;
  route: readonly RouteStep[];
} & RequestContent;

export interface SubmitContext {
  at: string;
  /** Who entered it: the applicant, or their section head entering an order for them. */
  actorId: string;
  closedMonths: readonly LocalMonth[];
}

export function submitRequest(draft: RequestDraft, context: SubmitContext): TransitionResult {
  if (draft.route.length === 0) throw new RangeError(`Request ${draft.id} has an empty route`);
  if (touchesClosedMonth(draft, context.closedMonths)) return { ok: false, error: "month_closed" };
  const entry: HistoryEntry = { action: "submit", actorId: context.actorId, at: context.at };
  return { ok: true, request: { ...draft, state: { status: "pending", step: 0 }, history: [entry] } };
}

function fail(error: TransitionError): TransitionResult {
  return { ok: false, error };
}

function advance(request: Request, state: RequestState, entry: HistoryEntry): TransitionResult {
  return { ok: true, request: { ...request, state, history: [...request.history, entry] } };
}

/** The applicant, or whoever entered the request for them, acts on the applicant's side. */
function isApplicantSide(request: Request, actorId: string): boolean {
  return actorId === request.applicantId || actorId === request.history[0]?.actorId;
}

function hasReason(reason: string | undefined): reason is string {
  return reason !== undefined && reason.trim().length > 0;
}

function decide(
  request: Request,
  action: Extract<RequestAction, { type: "approve" | "return" }>,
  context: TransitionContext,
): TransitionResult {
  const state = request.state;
  if (state.status !== "pending" && state.status !== "cancelPending") return fail("wrong_state");
  const step = request.route[state.step];
  if (step === undefined) throw new RangeError(`Request ${request.id} waits at a step its route lacks`);
  const eligibility = checkEligibility(context.authority, action, request, step);
  if (!eligibility.ok) return fail(eligibility.error);
  const cancelling = state.status === "cancelPending";
  const base = {
    actorId: action.actorId,
    at: context.at,
    step: state.step,
    ...(action.actingFor === undefined ? {} : { actingFor: action.actingFor }),
  };
  if (action.type === "return") {
    if (!hasReason(action.reason)) return fail("reason_required");
    const entry: HistoryEntry = {
      ...base,
      action: cancelling ? "returnCancel" : "return",
      reason: action.reason,
    };
    // A refused cancellation leaves the approval standing.
    return advance(request, cancelling ? { status: "approved" } : { status: "returned" }, entry);
  }
  const entry: HistoryEntry = { ...base, action: cancelling ? "approveCancel" : "approve" };
  const isLastStep = state.step === request.route.length - 1;
  if (!isLastStep) return advance(request, { status: state.status, step: state.step + 1 }, entry);
  return advance(request, cancelling ? { status: "cancelled" } : { status: "approved" }, entry);
}

function resubmit(
  request: Request,
  action: Extract<RequestAction, { type: "resubmit" }>,
  context: TransitionContext,
): TransitionResult {
  if (request.state.status !== "returned") return fail("wrong_state");
  if (action.content.kind !== request.kind) return fail("kind_changed");
  if (touchesClosedMonth(action.content, context.closedMonths)) return fail("month_closed");
  const entry: HistoryEntry = {
    action: "resubmit",
    actorId: action.actorId,
    at: context.at,
    replaced: readRequestContent(request),
  };
  const resubmitted: Request = { ...request, ...action.content };
  return advance(resubmitted, { status: "pending", step: 0 }, entry);
}

/** Applies one action; an action the state, the actor or a closed month does not allow changes nothing. */
export function applyRequestAction(
  request: Request,
  action: RequestAction,
  context: TransitionContext,
): TransitionResult {
  if (touchesClosedMonth(request, context.closedMonths)) return fail("month_closed");
  if (action.type === "approve" || action.type === "return") return decide(request, action, context);
  if (!isApplicantSide(request, action.actorId)) return fail("not_applicant");
  const status = request.state.status;
  const { actorId } = action;
  const at = context.at;
  if (action.type === "resubmit") return resubmit(request, action, context);
  if (action.type === "withdraw") {
    if (status !== "pending" && status !== "returned") return fail("wrong_state");
    const reason = hasReason(action.reason) ? { reason: action.reason } : {};
    return advance(request, { status: "withdrawn" }, { action: "withdraw", actorId, at, ...reason });
  }
  if (status !== "approved") return fail("wrong_state");
  if (!hasReason(action.reason)) return fail("reason_required");
  const entry: HistoryEntry = { action: "requestCancel", actorId, at, reason: action.reason };
  return advance(request, { status: "cancelPending", step: 0 }, entry);
}
