import type { Credential, Holder } from "@tobira/core";
import { listSnapshotCredentials, listVisitorHolders } from "../credentials/snapshot-cards";
import type { Executor } from "../db/transaction";

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
  return listVisitorHolders(db, at);
}
