import type { LocalDate } from "@tobira/core";
import type { Executor } from "../db/transaction";
import { type LoadedAuthority, loadApprovalAuthority } from "./load-approval-authority";
import type { RequestCaller } from "./request-caller";
import { toPersonId } from "./request-people";
import type { StoredRequest } from "./request-repository";

/**
 * Who may see a request: the applicant and whoever entered it, anyone who decided it or holds (or stands
 * in for) a step of its route today, HR and auditors. Everyone else is told it does not exist.
 */
export async function canSeeRequest(
  db: Executor,
  caller: RequestCaller,
  stored: StoredRequest,
  today: LocalDate,
  loaded?: LoadedAuthority,
): Promise<boolean> {
  if (caller.roles.includes("hr") || caller.roles.includes("auditor")) return true;
  if (stored.createdBy === caller.loginId) return true;
  if (caller.staffId === null) return false;
  const personId = toPersonId(caller.staffId);
  const request = stored.request;
  if (request.applicantId === personId) return true;
  if (request.history.some((entry) => entry.actorId === personId)) return true;
  const authority = loaded ?? (await loadApprovalAuthority(db, today, [stored.departmentId]));
  const department = request.departmentId;
  return request.route.some(
    (step) =>
      authority.authority.holdsStep(personId, step, department) ||
      authority.approvers.some(
        (approver) =>
          approver.step === step &&
          approver.departmentId === department &&
          authority.authority.isProxyFor(personId, approver.personId, step, department),
      ),
  );
}
