import type { Deps } from "../deps";
import { AppError } from "../errors";
import { findApiTokenBySecret, scopesOf, touchApiToken } from "./api-token-repository";
import { apiTokenState } from "./api-token-use-cases";

export interface ApiTokenCaller {
  id: number;
  name: string;
  scopes: readonly string[];
}

// Writing last_used_at on every call would cost a write per read; a minute is precise enough.
const touchEveryMs = 60_000;

/** The token a bearer secret names, if it is live; a revoked, expired or unknown one is refused (401). */
export async function authenticateApiToken(
  { db, clock }: Pick<Deps, "db" | "clock">,
  secret: string,
): Promise<ApiTokenCaller> {
  const now = clock.now();
  const row = secret === "" ? undefined : await findApiTokenBySecret(db, secret);
  if (!row) throw new AppError("unauthenticated", "The API token is not valid.");
  const state = apiTokenState(row, now);
  if (state === "revoked") throw new AppError("unauthenticated", "This API token has been revoked.");
  if (state === "expired") {
    throw new AppError("unauthenticated", `This API token expired at ${row.expires_at}.`);
  }
  const lastUsed = row.last_used_at === null ? Number.NEGATIVE_INFINITY : Date.parse(row.last_used_at);
  if (now.getTime() - lastUsed >= touchEveryMs) await touchApiToken(db, row.id, now);
  return { id: row.id, name: row.name, scopes: scopesOf(row) };
}
