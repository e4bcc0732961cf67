import { assuranceLevelSchema, type GrantDto, type GrantInput, grantStateSchema } from "@tobira/protocol";
import type { Executor } from "../db/transaction";

export type GrantState = GrantDto["state"];

function baseQuery(db: Executor) {
  return db
    .selectFrom("access_grant as g")
    .leftJoin("staff as s", "s.id", "g.staff_id")
    .leftJoin("visitor as v", "v.id", "g.visitor_id")
    .innerJoin("access_door as d", "d.id", "g.door_id")
    .selectAll("g")
    .select(["s.family_name", "s.given_name", "v.name as visitor_name", "d.name as door_name"]);
}

type GrantRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

function holderNameOf(row: GrantRow): string {
  if (row.family_name !== null && row.given_name !== null) return `${row.family_name} ${row.given_name}`;
  return row.visitor_name ?? "";
}

function toGrant(row: GrantRow, now: Date): GrantDto {
  return {
    id: row.id,
    staffId: row.staff_id,
    visitorId: row.visitor_id,
    holderName: holderNameOf(row),
    doorId: row.door_id,
    doorName: row.door_name,
    from: row.valid_from,
    to: row.valid_to,
    minimumAssurance: assuranceLevelSchema.parse(row.minimum_assurance),
    reason: row.reason,
    state: grantStateSchema.parse(row.state),
    expired: Date.parse(row.valid_to) <= now.getTime(),
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionComment: row.decision_comment,
  };
}

/** Grants, newest request first; `endingAfter` keeps only those whose period has not ended by then. */
export async function listGrants(
  db: Executor,
  filter: { state?: GrantState | undefined; endingAfter?: Date | undefined },
  now: Date,
): Promise<GrantDto[]> {
  let query = baseQuery(db).orderBy("g.id", "desc");
  if (filter.state) query = query.where("g.state", "=", filter.state);
  if (filter.endingAfter) query = query.where("g.valid_to", ">", filter.endingAfter.toISOString());
  return (await query.execute()).map((row) => toGrant(row, now));
}

export async function findGrant(db: Executor, id: number, now: Date): Promise<GrantDto | undefined> {
  const row = await baseQuery(db).where("g.id", "=", id).executeTakeFirst();
  return row ? toGrant(row, now) : undefined;
}

/** Instants are stored in UTC ISO form so they compare as text on both databases. */
export async function insertGrant(
  db: Executor,
  input: GrantInput,
  requestedBy: string,
  now: Date,
): Promise<number> {
  const { id } = await db
    .insertInto("access_grant")
    .values({
      staff_id: input.staffId,
      visitor_id: input.visitorId,
      door_id: input.doorId,
      valid_from: new Date(input.from).toISOString(),
      valid_to: new Date(input.to).toISOString(),
      minimum_assurance: input.minimumAssurance,
      reason: input.reason,
      state: "pending",
      requested_by: requestedBy,
      requested_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Records the decision, but only on a grant still pending: two approvers racing cannot both decide. */
export async function decideGrant(
  db: Executor,
  id: number,
  decision: { state: "approved" | "denied"; decidedBy: string; comment: string | null },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("access_grant")
    .set({
      state: decision.state,
      decided_by: decision.decidedBy,
      decided_at: now.toISOString(),
      decision_comment: decision.comment,
    })
    .where("id", "=", id)
    .where("state", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Approved grants for visitors that have not ended by `at`, for the snapshot's visitor holders. */
export async function listApprovedVisitorGrants(db: Executor, at: Date) {
  const rows = await db
    .selectFrom("access_grant")
    .select(["visitor_id", "door_id", "valid_from", "valid_to", "minimum_assurance"])
    .where("state", "=", "approved")
    .where("visitor_id", "is not", null)
    .where("valid_to", ">", at.toISOString())
    .orderBy("visitor_id")
    .orderBy("valid_from")
    .orderBy("id")
    .execute();
  return rows.flatMap(({ visitor_id, ...rest }) =>
    visitor_id === null ? [] : [{ visitorId: visitor_id, ...rest }],
  );
}
