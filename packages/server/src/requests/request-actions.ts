import {
  applyRequestAction,
  type Request,
  type RequestAction,
  readRequestContent,
  toLocalDate,
  validateRequest,
} from "@tobira/core";
import type { RequestActionDto, RequestDto } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { enqueueWebhookEvent } from "../integration/enqueue-webhook-event";
import { loadApprovalAuthority } from "./load-approval-authority";
import { listClosedMonths, loadValidationFacts } from "./load-validation-facts";
import { presentRequests } from "./present-request";
import { loadApplicant } from "./request-applicant";
import { type RequestCaller, requireCallerPerson } from "./request-caller";
import { toContentDto, toCoreContent } from "./request-content";
import { listApplicantRequests } from "./request-entry";
import { requestValidationError, transitionError } from "./request-errors";
import { removeRequestFacts, writeRequestFacts } from "./request-facts";
import { noticeRequestChange } from "./request-notices";
import { toPersonId } from "./request-people";
import { findStoredRequest, type StoredRequest, updateStoredRequest } from "./request-repository";
import { canSeeRequest } from "./request-visibility";

type UseCaseDeps = Pick<Deps, "db" | "clock" | "config">;

/**
 * One action on a request in one transaction: load it and the facts the action needs, let core decide,
 * then write the approved facts (or remove a cancelled request's), the request and the audit entry.
 */
export async function actOnRequest(
  { db, clock, config }: UseCaseDeps,
  caller: RequestCaller,
  id: number,
  action: RequestActionDto,
): Promise<RequestDto> {
  const now = clock.now();
  const today = toLocalDate(now);
  const { personId } = requireCallerPerson(caller);
  return db.transaction().execute(async (trx) => {
    const stored = await findStoredRequest(trx, id);
    const loaded = stored ? await loadApprovalAuthority(trx, today, [stored.departmentId]) : null;
    // A request the caller may not see does not exist for them, so an id tells an outsider nothing;
    // one they see but have no part in is refused by core (403).
    if (!stored || !loaded || !(await canSeeRequest(trx, caller, stored, today, loaded)))
      throw notFound(`Request ${id}`);
    const before = stored.request;
    const coreAction = await toCoreAction(trx, now, stored, personId, action);
    const closedMonths = await listClosedMonths(trx, stored.departmentId, before);
    if (coreAction.type === "resubmit") {
      closedMonths.push(...(await listClosedMonths(trx, stored.departmentId, coreAction.content)));
    }
    const { authority } = loaded;
    const result = applyRequestAction(before, coreAction, { at: now.toISOString(), authority, closedMonths });
    if (!result.ok) throw transitionError(result.error);
    const after = result.request;
    const recorded = { by: caller.loginId, at: now };
    if (before.state.status === "pending" && after.state.status === "approved") {
      await writeRequestFacts(trx, stored.staffId, after, recorded);
      await enqueueWebhookEvent(trx, {
        type: "request.approved",
        payload: {
          requestId: stored.id,
          staffId: stored.staffId,
          departmentId: stored.departmentId,
          content: toContentDto(readRequestContent(after)),
        },
        occurredAt: now,
      });
    }
    if (after.state.status === "cancelled") {
      const order = await findOrderOf(trx, after);
      await removeRequestFacts(trx, stored.staffId, after, order, recorded);
    }
    await updateStoredRequest(trx, id, after, now);
    await noticeRequestChange(
      trx,
      { clock, config },
      { id, applicantStaffId: stored.staffId, request: after },
      loaded,
    );
    const entry = after.history.at(-1);
    await appendAudit(
      trx,
      {
        actor: caller.loginId,
        action: `request.${entry?.action ?? action.type}`,
        targetType: "request",
        targetId: id,
        details: {
          from: before.state,
          to: after.state,
          ...(entry?.actingFor === undefined ? {} : { actingFor: entry.actingFor }),
        },
      },
      now,
    );
    const updated = await findStoredRequest(trx, id);
    if (!updated) throw new Error(`request ${id} vanished inside its own transaction`);
    const [presented] = await presentRequests(trx, [updated], caller, today);
    if (!presented) throw new Error(`request ${id} could not be presented`);
    return presented;
  });
}

/** Approves each request in its own transaction, so one refusal leaves the others approved. */
export async function bulkApproveRequests(
  deps: UseCaseDeps,
  caller: RequestCaller,
  ids: readonly number[],
): Promise<{ results: { id: number; ok: boolean; error?: string }[] }> {
  const results: { id: number; ok: boolean; error?: string }[] = [];
  for (const id of ids) {
    try {
      await actOnRequest(deps, caller, id, { type: "approve" });
      results.push({ id, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, ok: false, error: error.message });
    }
  }
  return { results };
}

/** The API's action as core's; a resubmission is validated at entry again, like a new request. */
async function toCoreAction(
  db: Executor,
  now: Date,
  stored: StoredRequest,
  actorId: string,
  action: RequestActionDto,
): Promise<RequestAction> {
  switch (action.type) {
    case "approve":
      return {
        type: "approve",
        actorId,
        ...(action.actingFor === undefined ? {} : { actingFor: toPersonId(action.actingFor) }),
      };
    case "return":
      return {
        type: "return",
        actorId,
        reason: action.reason,
        ...(action.actingFor === undefined ? {} : { actingFor: toPersonId(action.actingFor) }),
      };
    case "withdraw":
      return { type: "withdraw", actorId, ...(action.reason === undefined ? {} : { reason: action.reason }) };
    case "requestCancel":
      return { type: "requestCancel", actorId, reason: action.reason };
    case "resubmit": {
      const content = toCoreContent(action.content);
      const request = stored.request;
      // Core refuses a resubmission in the wrong state or of another kind; only one it would take is checked.
      if (request.state.status === "returned" && content.kind === request.kind) {
        const applicant = await loadApplicant(db, stored.staffId, toLocalDate(now));
        const existing = await listApplicantRequests(db, stored.staffId);
        const facts = await loadValidationFacts(
          db,
          now,
          { ...applicant, departmentId: stored.departmentId },
          content,
          existing,
          request.id,
        );
        const validation = validateRequest(content, facts, request.id);
        if (!validation.ok) throw requestValidationError(validation.problems);
      }
      return { type: "resubmit", actorId, content };
    }
  }
}

async function findOrderOf(db: Executor, request: Request): Promise<Request | undefined> {
  if (request.kind !== "overtimeResult") return undefined;
  const orderId = Number(request.payload.orderId);
  return Number.isInteger(orderId) ? (await findStoredRequest(db, orderId))?.request : undefined;
}
