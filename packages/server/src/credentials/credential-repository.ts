import {
  type CredentialListQuery,
  type CredentialStatus,
  credentialKindSchema,
  credentialStatusSchema,
  type EnrolledCredential,
} from "@tobira/protocol";
import type { CredentialRow, NewCredentialRow } from "../db/schema";
import type { Executor } from "../db/transaction";

export async function insertCredential(db: Executor, row: NewCredentialRow): Promise<number> {
  const inserted = await db.insertInto("credential").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findCredentialRow(db: Executor, id: number): Promise<CredentialRow | undefined> {
  return db.selectFrom("credential").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every credential ever enrolled with this key, newest first (revoked ones included). */
export async function findCredentialsByKey(db: Executor, key: string): Promise<CredentialRow[]> {
  return db.selectFrom("credential").selectAll().where("key", "=", key).orderBy("id", "desc").execute();
}

export async function listVisitorCredentials(db: Executor, visitorId: number): Promise<CredentialRow[]> {
  return db.selectFrom("credential").selectAll().where("visitor_id", "=", visitorId).orderBy("id").execute();
}

export async function updateCredentialStatus(
  db: Executor,
  id: number,
  change: { status: CredentialStatus; reason: string | null; at: string; by: string },
): Promise<void> {
  await db
    .updateTable("credential")
    .set({
      status: change.status,
      status_reason: change.reason,
      status_changed_at: change.at,
      status_changed_by: change.by,
    })
    .where("id", "=", id)
    .execute();
}

export async function setReplacedBy(db: Executor, id: number, replacedById: number): Promise<void> {
  await db.updateTable("credential").set({ replaced_by_id: replacedById }).where("id", "=", id).execute();
}

/** Credentials with the id of the credential each one replaced, if any. */
function selectCredentials(db: Executor) {
  return db
    .selectFrom("credential")
    .leftJoin("credential as previous", "previous.replaced_by_id", "credential.id")
    .selectAll("credential")
    .select("previous.id as replaces_id");
}

function presentCredential(row: CredentialRow & { replaces_id: number | null }): EnrolledCredential {
  return {
    id: row.id,
    staffId: row.staff_id,
    visitorId: row.visitor_id,
    kind: credentialKindSchema.parse(row.kind),
    key: row.key,
    issuer: row.jpki_issuer,
    serialNumber: row.jpki_serial,
    publicKey: row.public_key,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: credentialStatusSchema.parse(row.status),
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at,
    statusChangedBy: row.status_changed_by,
    replacedById: row.replaced_by_id,
    replacesId: row.replaces_id,
    enrolledBy: row.enrolled_by,
    enrolledAt: row.enrolled_at,
  };
}

export async function findCredential(db: Executor, id: number): Promise<EnrolledCredential | undefined> {
  const row = await selectCredentials(db).where("credential.id", "=", id).executeTakeFirst();
  return row ? presentCredential(row) : undefined;
}

export async function listCredentials(
  db: Executor,
  query: CredentialListQuery,
): Promise<{ items: EnrolledCredential[]; total: number }> {
  let filtered = db.selectFrom("credential");
  if (query.staffId !== undefined) filtered = filtered.where("staff_id", "=", query.staffId);
  if (query.visitorId !== undefined) filtered = filtered.where("visitor_id", "=", query.visitorId);
  if (query.status !== undefined) filtered = filtered.where("status", "=", query.status);
  if (query.kind !== undefined) filtered = filtered.where("kind", "=", query.kind);
  const ids = filtered.select("id");
  const [rows, count] = await Promise.all([
    selectCredentials(db)
      .where("credential.id", "in", ids)
      .orderBy("credential.id", "desc")
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentCredential), total: Number(count.n) };
}
