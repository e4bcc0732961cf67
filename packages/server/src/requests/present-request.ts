import {
  checkEligibility,
  type HistoryEntry,
  type LocalDate,
  type Request,
  readRequestContent,
} from "@tobira/core";
import type { RequestDto } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import { type LoadedAuthority, loadApprovalAuthority } from "./load-approval-authority";
import type { RequestCaller } from "./request-caller";
import { toContentDto } from "./request-content";
import { staffIdOfPerson, toPersonId } from "./request-people";
import type { StoredRequest } from "./request-repository";

type AllowedAction = RequestDto["allowedActions"][number];

/** Whether `personId` may decide the step the request waits at: directly, or as proxy for its approver. */
export function canDecide(request: Request, personId: string, loaded: LoadedAuthority): boolean {
  const state = request.state;
  if (state.status !== "pending" && state.status !== "cancelPending") return false;
  const step = request.route[state.step];
  if (step === undefined) return false;
  if (checkEligibility(loaded.authority, { actorId: personId }, request, step).ok) return true;
  return loaded.approvers.some(
    (approver) =>
      approver.step === step &&
      approver.departmentId === request.departmentId &&
      checkEligibility(loaded.authority, { actorId: personId, actingFor: approver.personId }, request, step)
        .ok,
  );
}

/** Whether the person is on the applicant's side: the applicant, or whoever entered it for them. */
export function isApplicantSide(request: Request, personId: string): boolean {
  return personId === request.applicantId || personId === request.history[0]?.actorId;
}

/** What the person may do with the request now (a closed month is found out on acting). */
export function listAllowedActions(
  request: Request,
  personId: string | null,
  loaded: LoadedAuthority,
): AllowedAction[] {
  if (personId === null) return [];
  const actions: AllowedAction[] = [];
  if (canDecide(request, personId, loaded)) actions.push("approve", "return");
  if (!isApplicantSide(request, personId)) return actions;
  const status = request.state.status;
  if (status === "pending" || status === "returned") actions.push("withdraw");
  if (status === "returned") actions.push("resubmit");
  if (status === "approved") actions.push("requestCancel");
  return actions;
}

/** Requests as the API answers them to this caller, with names and what the caller may do. */
export async function presentRequests(
  db: Executor,
  stored: readonly StoredRequest[],
  caller: RequestCaller,
  today: LocalDate,
  loaded?: LoadedAuthority,
): Promise<RequestDto[]> {
  if (stored.length === 0) return [];
  const authority =
    loaded ??
    (await loadApprovalAuthority(
      db,
      today,
      stored.map((item) => item.departmentId),
    ));
  const staffIds = new Set<number>();
  for (const item of stored) {
    staffIds.add(item.staffId);
    for (const entry of item.request.history) {
      for (const personId of [entry.actorId, entry.actingFor]) {
        const id = personId === undefined ? null : staffIdOfPerson(personId);
        if (id !== null) staffIds.add(id);
      }
    }
  }
  const [people, departments] = await Promise.all([
    db
      .selectFrom("staff")
      .select(["id", "staff_number", "family_name", "given_name"])
      .where("id", "in", [...staffIds])
      .execute(),
    db
      .selectFrom("department")
      .select(["id", "name"])
      .where("id", "in", [...new Set(stored.map((item) => item.departmentId))])
      .execute(),
  ]);
  const byId = new Map(people.map((row) => [row.id, row]));
  const nameOf = (personId: string): string => {
    const id = staffIdOfPerson(personId);
    const row = id === null ? undefined : byId.get(id);
    return row ? `${row.family_name} ${row.given_name}` : personId;
  };
  const viewer = caller.staffId === null ? null : toPersonId(caller.staffId);
  return stored.map((item) => {
    const applicant = byId.get(item.staffId);
    const state = item.request.state;
    return {
      id: item.id,
      content: toContentDto(readRequestContent(item.request)),
      applicant: {
        staffId: item.staffId,
        staffNumber: applicant?.staff_number ?? "",
        name: applicant ? `${applicant.family_name} ${applicant.given_name}` : "",
      },
      department: {
        id: item.departmentId,
        name: departments.find((row) => row.id === item.departmentId)?.name ?? "",
      },
      status: state.status,
      step: state.status === "pending" || state.status === "cancelPending" ? state.step : null,
      route: [...item.request.route],
      history: item.request.history.map((entry) => presentHistoryEntry(entry, nameOf)),
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
      allowedActions: listAllowedActions(item.request, viewer, authority),
    };
  });
}

function presentHistoryEntry(
  entry: HistoryEntry,
  nameOf: (personId: string) => string,
): RequestDto["history"][number] {
  return {
    action: entry.action,
    actor: nameOf(entry.actorId),
    at: entry.at,
    ...(entry.reason === undefined ? {} : { reason: entry.reason }),
    ...(entry.step === undefined ? {} : { step: entry.step }),
    ...(entry.actingFor === undefined ? {} : { actingFor: nameOf(entry.actingFor) }),
  };
}
