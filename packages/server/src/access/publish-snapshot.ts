import { signSnapshot } from "@tobira/core";
import type { SignedSnapshotDto } from "@tobira/protocol";
import type { Deps } from "../deps";
import { readAccessVersion } from "./access-version";
import { compileAccessSnapshot } from "./compile-access-snapshot";
import { loadSigningKey } from "./signing-key-repository";

/** Compiles the current rules at the current version and signs them with the server's key. */
export async function publishSnapshot({ db, clock }: Pick<Deps, "db" | "clock">): Promise<SignedSnapshotDto> {
  const now = clock.now();
  const key = await loadSigningKey(db, now);
  // One consistent view on PostgreSQL, so no change slips in between reading the version and the rules.
  const snapshot = await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => compileAccessSnapshot(trx, { at: now, version: await readAccessVersion(trx) }));
  const envelope = signSnapshot(snapshot, key.privateKey);
  return {
    version: snapshot.version,
    issuedAt: snapshot.issuedAt,
    payload: Buffer.from(envelope.payload).toString("base64"),
    signature: Buffer.from(envelope.signature).toString("base64"),
    keyFingerprint: key.fingerprint,
  };
}
