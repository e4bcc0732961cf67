import type { Kysely } from "kysely";
import { autoId, dialectOf } from "../dialect";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(dialectOf(db));
  await db.schema
    .createTable("department")
    .addColumn("id", "integer", id)
    .addColumn("code", "varchar(32)", (c) => c.notNull())
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("department.id"))
    .addColumn("valid_from", "varchar(10)", (c) => c.notNull())
    .addColumn("valid_to", "varchar(10)")
    .execute();
  await db.schema
    .createIndex("department_code_from")
    .on("department")
    .columns(["code", "valid_from"])
    .unique()
    .execute();

  await db.schema
    .createTable("position")
    .addColumn("id", "integer", id)
    .addColumn("code", "varchar(32)", (c) => c.notNull().unique())
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("rank", "integer", (c) => c.notNull())
    .addColumn("is_section_head", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("staff")
    .addColumn("id", "integer", id)
    .addColumn("staff_number", "varchar(20)", (c) => c.notNull().unique())
    .addColumn("family_name", "varchar(50)", (c) => c.notNull())
    .addColumn("given_name", "varchar(50)", (c) => c.notNull())
    .addColumn("family_name_kana", "varchar(100)", (c) => c.notNull())
    .addColumn("given_name_kana", "varchar(100)", (c) => c.notNull())
    .addColumn("employment_type", "varchar(32)", (c) => c.notNull())
    .addColumn("start_date", "varchar(10)", (c) => c.notNull())
    .addColumn("end_date", "varchar(10)")
    .addColumn("email", "varchar(254)")
    .addColumn("phone", "varchar(30)")
    .addColumn("created_at", "varchar(32)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("staff_assignment")
    .addColumn("id", "integer", id)
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("department_id", "integer", (c) => c.notNull().references("department.id"))
    .addColumn("position_id", "integer", (c) => c.references("position.id"))
    .addColumn("valid_from", "varchar(10)", (c) => c.notNull())
    .addColumn("valid_to", "varchar(10)")
    .addColumn("note", "varchar(200)")
    .execute();
  await db.schema
    .createIndex("staff_assignment_staff")
    .on("staff_assignment")
    .columns(["staff_id", "valid_from"])
    .execute();
  await db.schema
    .createIndex("staff_assignment_department")
    .on("staff_assignment")
    .column("department_id")
    .execute();

  await db.schema
    .createTable("app_user")
    .addColumn("id", "integer", id)
    .addColumn("login_id", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("staff_id", "integer", (c) => c.references("staff.id").unique())
    .addColumn("password_hash", "varchar(255)", (c) => c.notNull())
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failed_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "varchar(32)")
    .addColumn("created_at", "varchar(32)", (c) => c.notNull())
    .addColumn("password_changed_at", "varchar(32)", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("user_role")
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("role", "varchar(32)", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_role_pk", ["user_id", "role"])
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id_hash", "varchar(64)", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("csrf_token", "varchar(64)", (c) => c.notNull())
    .addColumn("created_at", "varchar(32)", (c) => c.notNull())
    .addColumn("last_seen_at", "varchar(32)", (c) => c.notNull())
    .addColumn("expires_at", "varchar(32)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("session_user").on("session").column("user_id").execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("seq", "bigint", (c) => c.primaryKey())
    .addColumn("at", "varchar(32)", (c) => c.notNull())
    .addColumn("actor", "varchar(64)")
    .addColumn("action", "varchar(64)", (c) => c.notNull())
    .addColumn("target_type", "varchar(32)", (c) => c.notNull())
    .addColumn("target_id", "varchar(64)")
    .addColumn("details", "text", (c) => c.notNull())
    .addColumn("prev_hash", "char(64)", (c) => c.notNull())
    .addColumn("hash", "char(64)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_action").on("audit_log").columns(["action", "seq"]).execute();

  await db.schema
    .createTable("town_day")
    .addColumn("date", "varchar(10)", (c) => c.primaryKey())
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "town_day",
    "audit_log",
    "session",
    "user_role",
    "app_user",
    "staff_assignment",
    "staff",
    "position",
    "department",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
