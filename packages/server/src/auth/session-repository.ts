import { createHash, randomBytes } from "node:crypto";
import type { Executor } from "../db/transaction";

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export interface ActiveSession {
  idHash: string;
  userId: number;
  csrfToken: string;
  lastSeenAt: string;
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(
  db: Executor,
  userId: number,
  policy: SessionPolicy,
  at: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await db
    .insertInto("session")
    .values({
      id_hash: hashSessionToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: at.toISOString(),
      last_seen_at: at.toISOString(),
      expires_at: new Date(at.getTime() + policy.maxHours * 3_600_000).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

/** The live session for a cookie token, or undefined when unknown, idle too long or past its end. */
export async function findActiveSession(
  db: Executor,
  token: string,
  policy: SessionPolicy,
  at: Date,
): Promise<ActiveSession | undefined> {
  const row = await db
    .selectFrom("session")
    .selectAll()
    .where("id_hash", "=", hashSessionToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const idleLimit = new Date(row.last_seen_at).getTime() + policy.idleMinutes * 60_000;
  if (at.toISOString() >= row.expires_at || at.getTime() >= idleLimit) {
    await db.deleteFrom("session").where("id_hash", "=", row.id_hash).execute();
    return undefined;
  }
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    lastSeenAt: row.last_seen_at,
  };
}

export async function touchSession(db: Executor, idHash: string, at: Date): Promise<void> {
  await db
    .updateTable("session")
    .set({ last_seen_at: at.toISOString() })
    .where("id_hash", "=", idHash)
    .execute();
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom("session").where("id_hash", "=", idHash).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number, except?: string): Promise<void> {
  let query = db.deleteFrom("session").where("user_id", "=", userId);
  if (except) query = query.where("id_hash", "!=", except);
  await query.execute();
}
