import {
  type Request,
  type RequestContent,
  type RequestDraft,
  type RequestValidationFacts,
  type RouteStep,
  resolveRoute,
  submitRequest,
  toLocalDate,
  validateRequest,
} from "@tobira/core";
import type { RequestDto, RequestInput, requestCheckSchema } from "@tobira/protocol";
import type { z } from "zod";
import { appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { loadApprovalAuthority } from "./load-approval-authority";
import { type Applicant, listClosedMonths, loadValidationFacts } from "./load-validation-facts";
import { presentRequests } from "./present-request";
import { resolveApplicant } from "./request-applicant";
import type { RequestCaller } from "./request-caller";
import { toCoreContent } from "./request-content";
import { closedMonthError, requestValidationError, transitionError } from "./request-errors";
import { noticeRequestChange } from "./request-notices";
import { toPersonId } from "./request-people";
import { findStoredRequest, insertStoredRequest, listStaffRequests } from "./request-repository";
import { readSectionRouteRules } from "./section-route-rules";

type UseCaseDeps = Pick<Deps, "db" | "clock" | "config">;
type RequestCheck = z.infer<typeof requestCheckSchema>;

/** The dry run the form calls as the person types: every problem and the route, nothing stored. */
export async function checkRequest(
  { db, clock }: UseCaseDeps,
  caller: RequestCaller,
  input: RequestInput,
): Promise<RequestCheck> {
  const now = clock.now();
  const content = toCoreContent(input.content);
  const { applicant } = await resolveApplicant(db, caller, content, input.forStaffId, toLocalDate(now));
  const existing = await listApplicantRequests(db, applicant.staffId);
  const facts = await loadValidationFacts(db, now, applicant, content, existing);
  const validation = validateRequest(content, facts);
  const route = await resolveRequestRoute(db, applicant, content, facts);
  return {
    ok: validation.ok,
    problems: validation.ok ? [] : validation.problems.map((problem) => ({ ...problem })),
    route: [...route],
  };
}

/**
 * A new request: refused while a month it touches is closed, then validated at entry (every problem at
 * once), routed by the section's rules and stored waiting at its first step.
 */
export async function submitNewRequest(
  { db, clock, config }: UseCaseDeps,
  caller: RequestCaller,
  input: RequestInput,
): Promise<RequestDto> {
  const now = clock.now();
  const today = toLocalDate(now);
  const content = toCoreContent(input.content);
  return db.transaction().execute(async (trx) => {
    const { applicant, actorId } = await resolveApplicant(trx, caller, content, input.forStaffId, today);
    const closedMonths = await listClosedMonths(trx, applicant.departmentId, content);
    if (closedMonths.length > 0) throw closedMonthError(closedMonths);
    const existing = await listApplicantRequests(trx, applicant.staffId);
    const facts = await loadValidationFacts(trx, now, applicant, content, existing);
    const validation = validateRequest(content, facts);
    if (!validation.ok) throw requestValidationError(validation.problems);
    const draft: RequestDraft = {
      id: "new",
      applicantId: toPersonId(applicant.staffId),
      departmentId: String(applicant.departmentId),
      route: await resolveRequestRoute(trx, applicant, content, facts),
      ...content,
    };
    const submitted = submitRequest(draft, { at: now.toISOString(), actorId, closedMonths });
    if (!submitted.ok) throw transitionError(submitted.error);
    const { id: _draftId, ...request } = submitted.request;
    const id = await insertStoredRequest(trx, request, { by: caller.loginId, at: now });
    await appendAudit(
      trx,
      {
        actor: caller.loginId,
        action: "request.submit",
        targetType: "request",
        targetId: id,
        details: { staffId: applicant.staffId, kind: content.kind, route: request.route },
      },
      now,
    );
    await noticeRequestChange(
      trx,
      { clock, config },
      { id, applicantStaffId: applicant.staffId, request: { ...request, id: String(id) } },
      await loadApprovalAuthority(trx, today, [applicant.departmentId]),
    );
    const stored = await findStoredRequest(trx, id);
    if (!stored) throw new Error(`request ${id} vanished inside its own transaction`);
    const [presented] = await presentRequests(trx, [stored], caller, today);
    if (!presented) throw new Error(`request ${id} could not be presented`);
    return presented;
  });
}

export async function listApplicantRequests(db: Executor, staffId: number): Promise<Request[]> {
  return (await listStaffRequests(db, staffId)).map((stored) => stored.request);
}

/** The route by the section's rules; overtime counts the month with this request in it. */
async function resolveRequestRoute(
  db: Executor,
  applicant: Applicant,
  content: RequestContent,
  facts: RequestValidationFacts,
): Promise<readonly RouteStep[]> {
  const rules = await readSectionRouteRules(db, applicant.departmentId);
  const month = content.payload.date.slice(0, 7);
  const monthMinutes = facts.overtimeByMonth.find((entry) => entry.month === month)?.overtimeMinutes ?? 0;
  return resolveRoute(content.kind, rules, monthMinutes + addedOvertimeMinutes(content, facts));
}

/** The overtime a request adds to its month: an order its length, a result what it adds to its order. */
function addedOvertimeMinutes(content: RequestContent, facts: RequestValidationFacts): number {
  if (content.kind === "overtimeOrder") return content.payload.end - content.payload.start;
  if (content.kind !== "overtimeResult") return 0;
  const order = facts.existingRequests.find((request) => request.id === content.payload.orderId);
  const ordered = order?.kind === "overtimeOrder" ? order.payload.end - order.payload.start : 0;
  return Math.max(0, content.payload.end - content.payload.start - ordered);
}
