import type { ApiTokenCreated, ApiTokenDto, ApiTokenInput } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import {
  type ApiTokenRow,
  findApiToken,
  generateApiTokenSecret,
  hashApiTokenSecret,
  insertApiToken,
  listApiTokenRows,
  markApiTokenRevoked,
  scopesOf,
} from "./api-token-repository";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

/** Makes a token and returns its secret this once; only the secret's hash is stored or audited. */
export async function createApiToken(
  deps: UseCaseDeps,
  actor: string,
  input: ApiTokenInput,
): Promise<ApiTokenCreated> {
  const now = deps.clock.now();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
  if (expiresAt !== null && expiresAt <= now.toISOString()) {
    throw new AppError("validation_failed", "The expiry must be in the future", [
      { path: "body.expiresAt", message: "must be in the future" },
    ]);
  }
  const secret = generateApiTokenSecret();
  const row = await deps.db.transaction().execute(async (trx) => {
    const inserted = await insertApiToken(
      trx,
      {
        name: input.name,
        secretHash: hashApiTokenSecret(secret),
        scopes: input.scopes,
        expiresAt,
        createdBy: actor,
      },
      now,
    );
    await appendAudit(
      trx,
      {
        actor,
        action: "integration.tokenCreated",
        targetType: "apiToken",
        targetId: inserted.id,
        details: { name: inserted.name, scopes: input.scopes, expiresAt },
      },
      now,
    );
    return inserted;
  });
  return { token: presentApiToken(row, now), secret };
}

export async function listApiTokens(deps: UseCaseDeps): Promise<ApiTokenDto[]> {
  const now = deps.clock.now();
  return (await listApiTokenRows(deps.db)).map((row) => presentApiToken(row, now));
}

export async function revokeApiToken(deps: UseCaseDeps, actor: string, id: number): Promise<ApiTokenDto> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const token = await findApiToken(trx, id);
    if (!token) throw notFound(`API token ${id}`);
    if (!(await markApiTokenRevoked(trx, id, actor, now))) {
      throw new AppError("conflict", `API token ${id} is already revoked`);
    }
    await appendAudit(
      trx,
      {
        actor,
        action: "integration.tokenRevoked",
        targetType: "apiToken",
        targetId: id,
        details: { name: token.name },
      },
      now,
    );
    const after = await findApiToken(trx, id);
    if (!after) throw notFound(`API token ${id}`);
    return presentApiToken(after, now);
  });
}

export function apiTokenState(row: ApiTokenRow, now: Date): ApiTokenDto["state"] {
  if (row.revoked_at !== null) return "revoked";
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) return "expired";
  return "active";
}

function presentApiToken(row: ApiTokenRow, now: Date): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    scopes: scopesOf(row),
    state: apiTokenState(row, now),
    expiresAt: row.expires_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedBy: row.revoked_by,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
