import { type CreateTableBuilder, type Kysely, sql } from "kysely";
import { autoId, dialectOf } from "../dialect";

// Temporary grants for visitors (a vendor on a maintenance day) as well as staff: access_grant.staff_id
// becomes nullable and visitor_id is added, with exactly one of the two set. PostgreSQL alters the
// table in place; SQLite cannot change a column's nullability, so there the table is rebuilt.

const columns = [
  "id",
  "staff_id",
  "door_id",
  "valid_from",
  "valid_to",
  "minimum_assurance",
  "reason",
  "state",
  "requested_by",
  "requested_at",
  "decided_by",
  "decided_at",
  "decision_comment",
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types.
type AnyDb = Kysely<any>;

function grantColumns<T extends string>(
  table: CreateTableBuilder<T, never>,
  db: AnyDb,
  withVisitor: boolean,
): CreateTableBuilder<T, never> {
  const id = autoId(dialectOf(db));
  let builder = table
    .addColumn("id", "integer", id)
    .addColumn("staff_id", "integer", (c) =>
      withVisitor ? c.references("staff.id") : c.notNull().references("staff.id"),
    );
  if (withVisitor) builder = builder.addColumn("visitor_id", "integer", (c) => c.references("visitor.id"));
  builder = builder
    .addColumn("door_id", "integer", (c) => c.notNull().references("access_door.id"))
    .addColumn("valid_from", "varchar(32)", (c) => c.notNull())
    .addColumn("valid_to", "varchar(32)", (c) => c.notNull())
    .addColumn("minimum_assurance", "varchar(16)", (c) => c.notNull())
    .addColumn("reason", "varchar(500)", (c) => c.notNull())
    .addColumn("state", "varchar(16)", (c) => c.notNull())
    .addColumn("requested_by", "varchar(64)", (c) => c.notNull())
    .addColumn("requested_at", "varchar(32)", (c) => c.notNull())
    .addColumn("decided_by", "varchar(64)")
    .addColumn("decided_at", "varchar(32)")
    .addColumn("decision_comment", "varchar(500)");
  return withVisitor
    ? builder.addCheckConstraint("access_grant_one_holder", sql`(staff_id is null) <> (visitor_id is null)`)
    : builder;
}

/** SQLite: create the new table, copy the rows, drop the old one and take its name. */
async function rebuildOnSqlite(db: AnyDb, withVisitor: boolean): Promise<void> {
  await db.schema.dropIndex("access_grant_state").ifExists().execute();
  await grantColumns(db.schema.createTable("access_grant_new"), db, withVisitor).execute();
  await db
    .insertInto("access_grant_new")
    .columns([...columns])
    .expression(db.selectFrom("access_grant").select([...columns]))
    .execute();
  await db.schema.dropTable("access_grant").execute();
  await db.schema.alterTable("access_grant_new").renameTo("access_grant").execute();
  await db.schema
    .createIndex("access_grant_state")
    .on("access_grant")
    .columns(["state", "valid_to"])
    .execute();
}

export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "sqlite") {
    await rebuildOnSqlite(db, true);
  } else {
    await db.schema
      .alterTable("access_grant")
      .alterColumn("staff_id", (c) => c.dropNotNull())
      .execute();
    await db.schema
      .alterTable("access_grant")
      .addColumn("visitor_id", "integer", (c) => c.references("visitor.id"))
      .execute();
    await db.schema
      .alterTable("access_grant")
      .addCheckConstraint("access_grant_one_holder", sql`(staff_id is null) <> (visitor_id is null)`)
      .execute();
  }
  await db.schema.createIndex("access_grant_visitor").on("access_grant").column("visitor_id").execute();
}

/** Visitors' grants have nowhere to go in the old table, so they are dropped. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("access_grant_visitor").ifExists().execute();
  await db.deleteFrom("access_grant").where("visitor_id", "is not", null).execute();
  if (dialectOf(db) === "sqlite") {
    await rebuildOnSqlite(db, false);
    return;
  }
  await db.schema.alterTable("access_grant").dropConstraint("access_grant_one_holder").execute();
  await db.schema.alterTable("access_grant").dropColumn("visitor_id").execute();
  await db.schema
    .alterTable("access_grant")
    .alterColumn("staff_id", (c) => c.setNotNull())
    .execute();
}
