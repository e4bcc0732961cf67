import type { Kysely } from "kysely";

// What each access version changed, so agents on a recent snapshot can fetch a small signed delta.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("access_snapshot_change")
    .addColumn("version", "bigint", (c) => c.primaryKey())
    // A JSON array of snapshot changes, or null when the change needs the whole snapshot.
    .addColumn("change_json", "text")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("access_snapshot_change").execute();
}
