import { notifyPolicyChanged } from "../cluster/policy-changes";
import type { Executor } from "../db/transaction";

/**
 * The access rules' version: one number in a one-row table that every change agents must hear about
 * (building, schedules, groups, grants, credentials) bumps inside its own transaction. A snapshot
 * carries the version it was compiled at, so an agent can tell it runs the latest rules. On PostgreSQL
 * the bump also tells the other server instances, on commit, so they push it to their agents at once.
 */
export async function bumpAccessVersion(trx: Executor): Promise<number> {
  const row = await trx
    .updateTable("access_version")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", 1)
    .returning("version")
    .executeTakeFirstOrThrow();
  await notifyPolicyChanged(trx);
  return row.version;
}

export async function readAccessVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom("access_version").select("version").where("id", "=", 1).executeTakeFirst();
  return row?.version ?? 0;
}
