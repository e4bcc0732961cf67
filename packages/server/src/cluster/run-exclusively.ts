import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { dialectOf } from "../db/dialect";
import type { Database } from "../db/schema";

export type ExclusiveOutcome<T> = { ran: true; value: T } | { ran: false };

/** The 64-bit advisory lock number of a job's key, the same on every instance. */
export function advisoryLockId(key: string): bigint {
  return createHash("sha256").update(key).digest().readBigInt64BE(0);
}

/**
 * Runs `task` unless another server instance is running the task of the same key right now, in which
 * case it is skipped (not queued). On PostgreSQL a transaction-scoped advisory lock is held while the
 * task runs; PostgreSQL releases it when the task ends or its server dies. With SQLite only one server
 * uses the file, so the task simply runs.
 */
export async function runExclusively<T>(
  db: Kysely<Database>,
  key: string,
  task: () => Promise<T>,
): Promise<ExclusiveOutcome<T>> {
  if (dialectOf(db) !== "postgres") return { ran: true, value: await task() };
  return db.transaction().execute(async (trx): Promise<ExclusiveOutcome<T>> => {
    const lockId = advisoryLockId(key).toString();
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(${lockId}::bigint) as locked`.execute(trx);
    if (rows[0]?.locked !== true) return { ran: false };
    return { ran: true, value: await task() };
  });
}
