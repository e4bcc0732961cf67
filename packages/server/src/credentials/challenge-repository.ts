import type { Executor } from "../db/transaction";

export interface StoredChallenge {
  id: number;
  challengeHash: string;
  issuedBy: string;
  expiresAt: string;
  usedAt: string | null;
}

export async function insertChallenge(
  db: Executor,
  challenge: { challengeHash: string; issuedBy: string; issuedAt: string; expiresAt: string },
): Promise<number> {
  const row = await db
    .insertInto("credential_challenge")
    .values({
      challenge_hash: challenge.challengeHash,
      issued_by: challenge.issuedBy,
      issued_at: challenge.issuedAt,
      expires_at: challenge.expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findChallenge(db: Executor, id: number): Promise<StoredChallenge | undefined> {
  const row = await db
    .selectFrom("credential_challenge")
    .select(["id", "challenge_hash", "issued_by", "expires_at", "used_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    challengeHash: row.challenge_hash,
    issuedBy: row.issued_by,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

/** Marks the challenge used unless it already was; true when this call was the one that used it. */
export async function markChallengeUsed(db: Executor, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable("credential_challenge")
    .set({ used_at: at })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Challenges are only needed until they expire; a day later they go. */
export async function deleteChallengesExpiredBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom("credential_challenge").where("expires_at", "<", before).execute();
}
