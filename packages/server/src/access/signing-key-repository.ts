import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import type { Kysely } from "kysely";
import { appendAudit } from "../audit/audit-repository";
import type { Database } from "../db/schema";

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM, what an administrator installs on an agent. */
  publicKeyPem: string;
  /** SHA-256 of the SPKI DER, hex. */
  fingerprint: string;
}

/**
 * The server's Ed25519 snapshot-signing key, made on first use. It lives in the store rather than as a
 * file in the data directory because every server instance must sign with the same key (agents trust
 * one public key), and the store is the one thing all instances share. It is therefore as sensitive as
 * the database and its backups: whoever reads them can sign snapshots.
 */
export async function loadSigningKey(db: Kysely<Database>, now: Date): Promise<SigningKey> {
  const stored = await readKeyRow(db);
  if (stored) return toSigningKey(stored.private_key_pem);
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const privatePem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  await db.transaction().execute(async (trx) => {
    // Two instances starting together: the first insert wins and the other reads the winner's key.
    const result = await trx
      .insertInto("signing_key")
      .values({
        id: 1,
        private_key_pem: privatePem,
        public_key_pem: publicPem,
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return;
    await appendAudit(
      trx,
      {
        actor: null,
        action: "access.signingKeyCreated",
        targetType: "signingKey",
        targetId: 1,
        details: { fingerprint: fingerprintOf(publicKey) },
      },
      now,
    );
  });
  const winner = await readKeyRow(db);
  if (!winner) throw new Error("the snapshot signing key could not be stored");
  return toSigningKey(winner.private_key_pem);
}

async function readKeyRow(db: Kysely<Database>) {
  return db.selectFrom("signing_key").select("private_key_pem").where("id", "=", 1).executeTakeFirst();
}

function toSigningKey(privatePem: string): SigningKey {
  const privateKey = createPrivateKey(privatePem);
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
}

export function fingerprintOf(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
}
