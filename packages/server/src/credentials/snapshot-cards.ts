import type { AssuranceLevel, Credential, Holder } from "@tobira/core";
import { credentialKindSchema, credentialStatusSchema } from "@tobira/protocol";
import { staffHolderId, visitorHolderId } from "../access/holder-ids";
import type { CredentialRow } from "../db/schema";
import type { Executor } from "../db/transaction";
import { listVisitorDoorIds, listVisitorsOut } from "./visitor-repository";

/** A visitor card is a UID card, so tap is all it can offer. */
const visitorAssurance: AssuranceLevel = "tap";

function holderIdOf(row: CredentialRow): string | null {
  if (row.staff_id !== null) return staffHolderId(row.staff_id);
  if (row.visitor_id !== null) return visitorHolderId(row.visitor_id);
  return null;
}

function toSnapshotCredential(row: CredentialRow, holderId: string): Credential {
  return {
    key: row.key,
    kind: credentialKindSchema.parse(row.kind),
    holderId,
    status: credentialStatusSchema.parse(row.status),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    publicKey: row.public_key,
  };
}

/**
 * One credential per card key for readers: the live one (active or suspended) when there is one,
 * else the latest revoked one, so a revoked card is refused as revoked rather than as unknown.
 */
function chooseSnapshotCredentials(rows: readonly CredentialRow[]): Credential[] {
  const chosen = new Map<string, CredentialRow>();
  for (const row of rows) {
    const current = chosen.get(row.key);
    if (current === undefined || (current.status === "revoked" && row.status !== "revoked"))
      chosen.set(row.key, row);
  }
  return [...chosen.values()].flatMap((row) => {
    const holderId = holderIdOf(row);
    return holderId === null ? [] : [toSnapshotCredential(row, holderId)];
  });
}

/** Every card readers know, as the snapshot carries them. */
export async function listSnapshotCredentials(db: Executor): Promise<Credential[]> {
  const rows = await db.selectFrom("credential").selectAll().orderBy("key").orderBy("id", "desc").execute();
  return chooseSnapshotCredentials(rows);
}

/** The snapshot's credentials for these card keys only, chosen as listSnapshotCredentials chooses. */
export async function listSnapshotCredentialsForKeys(
  db: Executor,
  keys: readonly string[],
): Promise<Credential[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom("credential")
    .selectAll()
    .where("key", "in", [...keys])
    .orderBy("key")
    .orderBy("id", "desc")
    .execute();
  return chooseSnapshotCredentials(rows);
}

/**
 * Visitors whose card still works at `at`, as holders: a temporary grant per door they were given,
 * from the issue to the expiry.
 */
export async function listVisitorHolders(db: Executor, at: Date): Promise<Holder[]> {
  const visitors = await listVisitorsOut(db, at.toISOString());
  const doors = await listVisitorDoorIds(
    db,
    visitors.map((visitor) => visitor.id),
  );
  return visitors.map((visitor) => ({
    id: visitorHolderId(visitor.id),
    groups: [],
    grants: (doors.get(visitor.id) ?? []).map((doorId) => ({
      doorId: String(doorId),
      from: visitor.issued_at,
      to: visitor.expires_at,
      minimumAssurance: visitorAssurance,
    })),
  }));
}
