import type {
  HistoryEntry,
  Request,
  RequestContent,
  RequestState,
  RequestStatus,
  RouteStep,
} from "@tobira/core";
import type { Selectable } from "kysely";
import type { RequestTable } from "../db/schema";
import type { Executor } from "../db/transaction";
import { staffIdOfPerson, toPersonId } from "./request-people";

type RequestRow = Selectable<RequestTable>;

/** A stored request: core's request with the store's numbers and instants beside it. */
export interface StoredRequest {
  id: number;
  staffId: number;
  departmentId: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  request: Request;
}

/** Requests that wait for a decision, the statuses an inbox is made of. */
export const waitingStatuses: readonly RequestStatus[] = ["pending", "cancelPending"];

export async function findStoredRequest(db: Executor, id: number): Promise<StoredRequest | undefined> {
  const row = await db.selectFrom("request").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toStoredRequest(row);
}

/** One person's requests, newest first; only those in `status` when it is given. */
export async function listStaffRequests(
  db: Executor,
  staffId: number,
  status?: RequestStatus,
): Promise<StoredRequest[]> {
  let query = db.selectFrom("request").selectAll().where("staff_id", "=", staffId);
  if (status !== undefined) query = query.where("status", "=", status);
  const rows = await query.orderBy("id", "desc").execute();
  return rows.map(toStoredRequest);
}

/** Every request waiting for a decision, oldest first. */
export async function listWaitingRequests(db: Executor): Promise<StoredRequest[]> {
  const rows = await db
    .selectFrom("request")
    .selectAll()
    .where("status", "in", waitingStatuses)
    .orderBy("id")
    .execute();
  return rows.map(toStoredRequest);
}

export async function insertStoredRequest(
  db: Executor,
  request: Omit<Request, "id">,
  created: { by: string; at: Date },
): Promise<number> {
  const staffId = staffIdOfPerson(request.applicantId);
  if (staffId === null)
    throw new Error(`A request's applicant must be a staff member: ${request.applicantId}`);
  const at = created.at.toISOString();
  const row = await db
    .insertInto("request")
    .values({
      staff_id: staffId,
      department_id: Number(request.departmentId),
      kind: request.kind,
      payload: JSON.stringify(request.payload),
      ...toStateColumns(request.state),
      route: JSON.stringify(request.route),
      history: JSON.stringify(request.history),
      created_by: created.by,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stores a transition's outcome: the state, the history and (after a resubmission) the content. */
export async function updateStoredRequest(
  db: Executor,
  id: number,
  request: Request,
  at: Date,
): Promise<void> {
  await db
    .updateTable("request")
    .set({
      kind: request.kind,
      payload: JSON.stringify(request.payload),
      ...toStateColumns(request.state),
      history: JSON.stringify(request.history),
      updated_at: at.toISOString(),
    })
    .where("id", "=", id)
    .execute();
}

function toStateColumns(state: RequestState): { status: RequestStatus; step: number | null } {
  return state.status === "pending" || state.status === "cancelPending"
    ? { status: state.status, step: state.step }
    : { status: state.status, step: null };
}

function toState(status: string, step: number | null): RequestState {
  switch (status) {
    case "pending":
    case "cancelPending":
      return { status, step: step ?? 0 };
    case "returned":
    case "approved":
    case "withdrawn":
    case "cancelled":
      return { status };
    default:
      throw new Error(`A stored request has an unknown status: ${status}`);
  }
}

function toStoredRequest(row: RequestRow): StoredRequest {
  // The JSON columns are written only by this repository, in core's shapes.
  const content: RequestContent = JSON.parse(`{"kind":${JSON.stringify(row.kind)},"payload":${row.payload}}`);
  const route: RouteStep[] = JSON.parse(row.route);
  const history: HistoryEntry[] = JSON.parse(row.history);
  return {
    id: row.id,
    staffId: row.staff_id,
    departmentId: row.department_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    request: {
      id: String(row.id),
      applicantId: toPersonId(row.staff_id),
      departmentId: String(row.department_id),
      state: toState(row.status, row.step),
      route,
      history,
      ...content,
    },
  };
}
