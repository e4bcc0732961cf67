import { isDeepStrictEqual } from "node:util";
import { type Credential, isSnapshotDelta, type SnapshotChange } from "@tobira/core";
import { listSnapshotCredentialsForKeys } from "../credentials/snapshot-cards";
import type { Executor } from "../db/transaction";

/*
 * The snapshot journal: one row per access version, written in the transaction that bumps the version,
 * saying what that version changed in the snapshot. Only changes an agent can apply to the snapshot it
 * holds are written out (today a card's status: suspend, reinstate, revoke, a visitor card returned);
 * every other change is written as null, meaning "fetch the whole snapshot". Versions from before the
 * journal began have no row, which means the same.
 */

/** What one version changed: the changes, or null when agents need the whole snapshot. */
export type JournalEntry = readonly SnapshotChange[] | null;

export async function writeSnapshotJournal(
  trx: Executor,
  version: number,
  entry: JournalEntry,
): Promise<void> {
  await trx
    .insertInto("access_snapshot_change")
    .values({ version, change_json: entry === null ? null : JSON.stringify(entry) })
    .execute();
}

/**
 * How the snapshot's cards with these keys look now, to compare after a status change with
 * credentialStatusChanges. Call it inside the change's transaction, before and after.
 */
export async function snapshotCredentialsOf(trx: Executor, keys: readonly string[]): Promise<Credential[]> {
  return listSnapshotCredentialsForKeys(trx, [...new Set(keys)]);
}

/**
 * The credentialStatus changes that turn `before` into `after`, or null when something else changed
 * too (a card appeared, vanished or changed more than its status), which needs the whole snapshot.
 */
export function credentialStatusChanges(
  before: readonly Credential[],
  after: readonly Credential[],
): JournalEntry {
  const previous = new Map(before.map((credential) => [credential.key, credential]));
  const changes: SnapshotChange[] = [];
  for (const credential of after) {
    const old = previous.get(credential.key);
    if (old === undefined) return null;
    previous.delete(credential.key);
    if (!isDeepStrictEqual({ ...old, status: credential.status }, credential)) return null;
    if (old.status !== credential.status) {
      changes.push({ type: "credentialStatus", key: credential.key, status: credential.status });
    }
  }
  return previous.size === 0 ? changes : null;
}

export type JournalRange = { ok: true; changes: SnapshotChange[] } | { ok: false; message: string };

/**
 * The changes from version `since` (exclusive) to `current` (inclusive), in order, when every version
 * between is in the journal and could be applied to a snapshot; else why the whole snapshot is needed.
 */
export async function readSnapshotJournal(
  db: Executor,
  since: number,
  current: number,
): Promise<JournalRange> {
  const rows = await db
    .selectFrom("access_snapshot_change")
    .select(["version", "change_json"])
    .where("version", ">", since)
    .where("version", "<=", current)
    .orderBy("version")
    .execute();
  if (rows.length !== current - since) {
    return { ok: false, message: `The changes since version ${since} are no longer kept.` };
  }
  const changes: SnapshotChange[] = [];
  for (const row of rows) {
    if (row.change_json === null) {
      return { ok: false, message: `Version ${row.version} changed more than card statuses.` };
    }
    const parsed = parseChanges(row.change_json);
    if (parsed === null) {
      return { ok: false, message: `Version ${row.version} has a journal entry this server cannot read.` };
    }
    changes.push(...parsed);
  }
  return { ok: true, changes };
}

function parseChanges(json: string): SnapshotChange[] | null {
  const changes: unknown = JSON.parse(json);
  // Core's shape check for deltas checks each change, so a stray row cannot make an unverifiable delta.
  const candidate = { baseVersion: 0, version: 1, issuedAt: "", changes };
  return isSnapshotDelta(candidate) ? candidate.changes : null;
}
