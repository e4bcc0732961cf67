import { signDelta } from "@tobira/core";
import type { SignedSnapshotDeltaDto } from "@tobira/protocol";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { readAccessVersion } from "./access-version";
import { loadSigningKey } from "./signing-key-repository";
import { readSnapshotJournal } from "./snapshot-journal";

/**
 * The signed delta from version `since` to the current version, or null when `since` is the current
 * version (nothing to send). Refuses with a conflict when the changes since then are not all ones an
 * agent can apply (see snapshot-journal.ts), so the agent fetches the whole snapshot instead.
 */
export async function publishDelta(
  { db, clock }: Pick<Deps, "db" | "clock">,
  since: number,
): Promise<SignedSnapshotDeltaDto | null> {
  const now = clock.now();
  const key = await loadSigningKey(db, now);
  // One consistent view on PostgreSQL, so the version and the journal agree.
  const read = await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const version = await readAccessVersion(trx);
      if (since >= version) return { version, range: null };
      return { version, range: await readSnapshotJournal(trx, since, version) };
    });
  if (since > read.version) {
    throw new AppError(
      "conflict",
      `Version ${since} is newer than the current version ${read.version}; fetch the whole snapshot from /api/access/snapshot.`,
    );
  }
  if (read.range === null) return null;
  if (!read.range.ok) {
    throw new AppError(
      "conflict",
      `${read.range.message} Fetch the whole snapshot from /api/access/snapshot.`,
    );
  }
  const delta = {
    baseVersion: since,
    version: read.version,
    issuedAt: now.toISOString(),
    changes: read.range.changes,
  };
  const envelope = signDelta(delta, key.privateKey);
  return {
    baseVersion: delta.baseVersion,
    version: delta.version,
    issuedAt: delta.issuedAt,
    payload: Buffer.from(envelope.payload).toString("base64"),
    signature: Buffer.from(envelope.signature).toString("base64"),
    keyFingerprint: key.fingerprint,
  };
}
