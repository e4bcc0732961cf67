import { type RequestStatus, toLocalDate } from "@tobira/core";
import type { RequestDto } from "@tobira/protocol";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { loadApprovalAuthority } from "./load-approval-authority";
import { canDecide, presentRequests } from "./present-request";
import type { RequestCaller } from "./request-caller";
import { toPersonId } from "./request-people";
import { findStoredRequest, listStaffRequests, listWaitingRequests } from "./request-repository";
import { canSeeRequest } from "./request-visibility";

type ReadDeps = Pick<Deps, "db" | "clock">;

/** The caller's own requests, newest first; an account without a staff member has none. */
export async function listMyRequests(
  { db, clock }: ReadDeps,
  caller: RequestCaller,
  status?: RequestStatus,
): Promise<RequestDto[]> {
  if (caller.staffId === null) return [];
  const stored = await listStaffRequests(db, caller.staffId, status);
  return presentRequests(db, stored, caller, toLocalDate(clock.now()));
}

/** Requests waiting at a step the caller holds today, or stands in for as a named proxy; oldest first. */
export async function listInbox({ db, clock }: ReadDeps, caller: RequestCaller): Promise<RequestDto[]> {
  if (caller.staffId === null) return [];
  const today = toLocalDate(clock.now());
  const waiting = await listWaitingRequests(db);
  const loaded = await loadApprovalAuthority(
    db,
    today,
    waiting.map((item) => item.departmentId),
  );
  const personId = toPersonId(caller.staffId);
  const mine = waiting.filter((item) => canDecide(item.request, personId, loaded));
  return presentRequests(db, mine, caller, today, loaded);
}

export async function readRequest(
  { db, clock }: ReadDeps,
  caller: RequestCaller,
  id: number,
): Promise<RequestDto> {
  const today = toLocalDate(clock.now());
  const stored = await findStoredRequest(db, id);
  if (!stored || !(await canSeeRequest(db, caller, stored, today))) throw notFound(`Request ${id}`);
  const [presented] = await presentRequests(db, [stored], caller, today);
  if (!presented) throw notFound(`Request ${id}`);
  return presented;
}
