import type { Credential, Holder } from "@tobira/core";
import { assuranceLevelSchema } from "@tobira/protocol";
import { listSnapshotCredentials, listVisitorHolders } from "../credentials/snapshot-cards";
import type { Executor } from "../db/transaction";
import { listApprovedVisitorGrants } from "./grant-repository";
import { visitorHolderId } from "./holder-ids";

/**
 * The cards readers know, for the snapshot compiled at `at`: enrolled by the credentials feature, one
 * per card key, holders named with holder-ids.ts. Revoked and suspended cards stay in, so a reader
 * refuses them with their reason rather than as unknown.
 */
export async function loadSnapshotCredentials(db: Executor, _at: Date): Promise<Credential[]> {
  return listSnapshotCredentials(db);
}

/**
 * Visitors (来庁者・業者) as holders: a visitor card opens only the doors it was issued for, until it
 * expires or is returned. Staff holders are compiled from groups and grants in compile-access-snapshot.ts.
 */
export async function loadSnapshotVisitorHolders(db: Executor, at: Date): Promise<Holder[]> {
  const holders = await listVisitorHolders(db, at);
  // Approved temporary grants for a visitor (a vendor's maintenance window) join that visitor's
  // holder; pending, denied and ended grants never reach readers. A visitor whose card was returned
  // or has expired has no holder, so their grants open nothing.
  const grants = await listApprovedVisitorGrants(db, at);
  return holders.map((holder) => ({
    ...holder,
    grants: [
      ...holder.grants,
      ...grants
        .filter((grant) => visitorHolderId(grant.visitorId) === holder.id)
        .map((grant) => ({
          doorId: String(grant.door_id),
          from: grant.valid_from,
          to: grant.valid_to,
          minimumAssurance: assuranceLevelSchema.parse(grant.minimum_assurance),
        })),
    ],
  }));
}
