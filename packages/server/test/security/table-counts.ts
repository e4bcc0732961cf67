import { sql } from "kysely";
import type { Executor } from "../../src/db/transaction";

/** Every table of the schema except the migration bookkeeping. */
export async function listTables(db: Executor): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables
    .map((table) => table.name)
    .filter((name) => !name.startsWith("kysely_") && !name.startsWith("sqlite_"))
    .sort();
}

/** The number of rows in each table, read in one statement so the snapshot is consistent. */
export async function countRows(db: Executor, tables: readonly string[]): Promise<Record<string, number>> {
  const parts = tables.map((table) => sql`select ${table} as name, count(*) as n from ${sql.table(table)}`);
  const result = await sql<{
    name: string;
    n: number | string;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(result.rows.map((row) => [row.name, Number(row.n)]));
}
