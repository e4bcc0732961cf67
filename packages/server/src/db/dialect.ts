import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from "kysely";

export type DialectName = "sqlite" | "postgres";

export function dialectOf(db: Pick<Kysely<unknown>, "getExecutor">): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** An auto-numbered primary key: an identity column on PostgreSQL, SQLite's rowid alias otherwise. */
export function autoId(dialect: DialectName) {
  return (column: ColumnDefinitionBuilder) =>
    dialect === "postgres"
      ? column.primaryKey().generatedByDefaultAsIdentity()
      : column.primaryKey().autoIncrement();
}
