import { sql } from "kysely";
import type { Store } from "../../src/db/database";
import { postgresAdminUrl } from "../test-store";

/** The connection string of a PostgreSQL test store's database, for a second instance or a listener. */
export async function connectionUrlOf(store: Store): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(store.db);
  const name = rows[0]?.name;
  if (name === undefined) throw new Error("the test database has no name");
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The backend ids of the connections with this application name on the store's database. */
export async function backendsOf(store: Store, applicationName: string): Promise<number[]> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity
     where datname = current_database() and application_name = ${applicationName}
     order by pid`.execute(store.db);
  return rows.map((row) => row.pid);
}

/** Ends those connections as an administrator would (pg_terminate_backend); returns how many. */
export async function terminateBackends(store: Store, applicationName: string): Promise<number> {
  const { rows } = await sql<{ ended: boolean }>`
    select pg_terminate_backend(pid) as ended from pg_stat_activity
     where datname = current_database() and application_name = ${applicationName}`.execute(store.db);
  return rows.filter((row) => row.ended).length;
}
