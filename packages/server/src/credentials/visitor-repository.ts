import type { VisitorDto, VisitorListQuery } from "@tobira/protocol";
import type { VisitorRow } from "../db/schema";
import type { Executor } from "../db/transaction";

export interface NewVisitor {
  name: string;
  organisation: string | null;
  purpose: string;
  hostStaffId: number;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
}

export async function insertVisitor(db: Executor, visitor: NewVisitor): Promise<number> {
  const row = await db
    .insertInto("visitor")
    .values({
      name: visitor.name,
      organisation: visitor.organisation,
      purpose: visitor.purpose,
      host_staff_id: visitor.hostStaffId,
      issued_by: visitor.issuedBy,
      issued_at: visitor.issuedAt,
      expires_at: visitor.expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertVisitorDoors(
  db: Executor,
  visitorId: number,
  doorIds: readonly number[],
): Promise<void> {
  if (doorIds.length === 0) return;
  await db
    .insertInto("visitor_door")
    .values(doorIds.map((doorId) => ({ visitor_id: visitorId, door_id: doorId })))
    .execute();
}

export async function findVisitorRow(db: Executor, id: number): Promise<VisitorRow | undefined> {
  return db.selectFrom("visitor").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function markVisitorReturned(db: Executor, id: number, at: string, by: string): Promise<void> {
  await db.updateTable("visitor").set({ returned_at: at, returned_by: by }).where("id", "=", id).execute();
}

/** The doors of each visitor asked about, in door order. */
export async function listVisitorDoorIds(
  db: Executor,
  visitorIds: readonly number[],
): Promise<Map<number, number[]>> {
  const doors = new Map<number, number[]>();
  if (visitorIds.length === 0) return doors;
  const rows = await db
    .selectFrom("visitor_door")
    .select(["visitor_id", "door_id"])
    .where("visitor_id", "in", visitorIds)
    .orderBy("visitor_id")
    .orderBy("door_id")
    .execute();
  for (const row of rows) doors.set(row.visitor_id, [...(doors.get(row.visitor_id) ?? []), row.door_id]);
  return doors;
}

function selectVisitors(db: Executor) {
  return db
    .selectFrom("visitor")
    .innerJoin("staff as host", "host.id", "visitor.host_staff_id")
    .innerJoin("credential as card", "card.visitor_id", "visitor.id")
    .selectAll("visitor")
    .select(["host.family_name", "host.given_name", "card.id as credential_id", "card.key as card_key"]);
}

type VisitorListRow = VisitorRow & {
  family_name: string;
  given_name: string;
  credential_id: number;
  card_key: string;
};

function presentVisitor(row: VisitorListRow, doorIds: number[]): VisitorDto {
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    purpose: row.purpose,
    hostStaffId: row.host_staff_id,
    hostName: `${row.family_name} ${row.given_name}`,
    cardUid: row.card_key.replace(/^uid:/, ""),
    credentialId: row.credential_id,
    doorIds,
    issuedBy: row.issued_by,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    returnedAt: row.returned_at,
    returnedBy: row.returned_by,
  };
}

async function presentVisitors(db: Executor, rows: VisitorListRow[]): Promise<VisitorDto[]> {
  const doors = await listVisitorDoorIds(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentVisitor(row, doors.get(row.id) ?? []));
}

export async function findVisitor(db: Executor, id: number): Promise<VisitorDto | undefined> {
  const row = await selectVisitors(db).where("visitor.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const [visitor] = await presentVisitors(db, [row]);
  return visitor;
}

/** The visitor book, newest first; `open` keeps the cards not yet returned (or only those returned). */
export async function listVisitors(db: Executor, query: VisitorListQuery): Promise<VisitorDto[]> {
  let select = selectVisitors(db)
    .orderBy("visitor.issued_at", "desc")
    .orderBy("visitor.id", "desc")
    .limit(query.limit);
  if (query.open === true) select = select.where("visitor.returned_at", "is", null);
  if (query.open === false) select = select.where("visitor.returned_at", "is not", null);
  return presentVisitors(db, await select.execute());
}

/** Visitors whose card still works at `at`: not returned and not expired. */
export async function listVisitorsOut(
  db: Executor,
  at: string,
): Promise<Pick<VisitorRow, "id" | "issued_at" | "expires_at">[]> {
  return db
    .selectFrom("visitor")
    .select(["id", "issued_at", "expires_at"])
    .where("returned_at", "is", null)
    .where("expires_at", ">", at)
    .orderBy("id")
    .execute();
}
