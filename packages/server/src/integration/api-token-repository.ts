import { createHash, randomBytes } from "node:crypto";
import type { Selectable } from "kysely";
import type { ApiTokenTable } from "../db/schema";
import type { Executor } from "../db/transaction";

export type ApiTokenRow = Selectable<ApiTokenTable>;

/** A new token's secret: recognisable by its prefix in a config file, 32 random bytes after it. */
export function generateApiTokenSecret(): string {
  return `tbr_${randomBytes(32).toString("base64url")}`;
}

export function hashApiTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface NewApiToken {
  name: string;
  secretHash: string;
  scopes: readonly string[];
  expiresAt: string | null;
  createdBy: string;
}

export async function insertApiToken(db: Executor, token: NewApiToken, at: Date): Promise<ApiTokenRow> {
  return db
    .insertInto("api_token")
    .values({
      name: token.name,
      secret_hash: token.secretHash,
      scopes: JSON.stringify(token.scopes),
      expires_at: token.expiresAt,
      created_by: token.createdBy,
      created_at: at.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listApiTokenRows(db: Executor): Promise<ApiTokenRow[]> {
  return db.selectFrom("api_token").selectAll().orderBy("id", "desc").execute();
}

export async function findApiToken(db: Executor, id: number): Promise<ApiTokenRow | undefined> {
  return db.selectFrom("api_token").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findApiTokenBySecret(db: Executor, secret: string): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom("api_token")
    .selectAll()
    .where("secret_hash", "=", hashApiTokenSecret(secret))
    .executeTakeFirst();
}

/** Marks a token revoked unless it already is; false when someone revoked it first. */
export async function markApiTokenRevoked(db: Executor, id: number, by: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable("api_token")
    .set({ revoked_by: by, revoked_at: at.toISOString() })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function touchApiToken(db: Executor, id: number, at: Date): Promise<void> {
  await db.updateTable("api_token").set({ last_used_at: at.toISOString() }).where("id", "=", id).execute();
}

export function scopesOf(row: Pick<ApiTokenRow, "scopes">): string[] {
  const parsed: unknown = JSON.parse(row.scopes);
  return Array.isArray(parsed) ? parsed.filter((scope) => typeof scope === "string") : [];
}
