import { sql } from "kysely";
import { dialectOf } from "../db/dialect";
import type { Executor } from "../db/transaction";
import { type ListenerLog, listenToPostgres, type PostgresListener } from "./postgres-listener";

export const policyChannel = "tobira_policy";

/**
 * Tells every server instance on the same PostgreSQL database that the access policy moved. Sent
 * inside the change's transaction, it is delivered on commit and dropped on rollback. With SQLite
 * there is one server, which pushes its own changes, so there is no one to tell.
 */
export async function notifyPolicyChanged(db: Executor): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await sql`select pg_notify(${policyChannel}, '')`.execute(db);
}

/**
 * Calls `onChange` when any instance (or the CLI) changes the access policy, and each time the
 * subscription (re)connects, since changes made while it was down were announced to no one.
 */
export function subscribeToPolicyChanges(
  url: string,
  log: ListenerLog,
  onChange: () => void,
  retryDelaysMs?: readonly number[],
): PostgresListener {
  return listenToPostgres({
    url,
    channel: policyChannel,
    log,
    onNotification: onChange,
    onListening: onChange,
    ...(retryDelaysMs ? { retryDelaysMs } : {}),
  });
}
