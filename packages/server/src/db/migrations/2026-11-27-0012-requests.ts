import { type Kysely, sql } from "kysely";
import { autoId, dialectOf } from "../dialect";

// 庶務事務: requests staff make and approvers decide. A request keeps its payload, route and history as
// JSON (the shapes are core's), its status and waiting step as columns so inboxes are one indexed query.
// An approved request's facts are ordinary attendance entries that name the request they came from, so a
// cancellation removes exactly those. Proxies (代決者) decide for an approver between two dates; a
// section's approval routes are data per department.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(dialectOf(db));
  await db.schema
    .createTable("request")
    .addColumn("id", "integer", id)
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("department_id", "integer", (c) => c.notNull().references("department.id"))
    .addColumn("kind", "varchar(24)", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("step", "integer")
    .addColumn("route", "text", (c) => c.notNull())
    .addColumn("history", "text", (c) => c.notNull())
    .addColumn("created_by", "varchar(64)", (c) => c.notNull())
    .addColumn("created_at", "varchar(32)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
    .addCheckConstraint(
      "request_status",
      sql`status in ('pending', 'returned', 'approved', 'withdrawn', 'cancelPending', 'cancelled')`,
    )
    .execute();
  await db.schema
    .createIndex("request_status_department")
    .on("request")
    .columns(["status", "department_id"])
    .execute();
  await db.schema.createIndex("request_staff_status").on("request").columns(["staff_id", "status"]).execute();

  await db.schema
    .createTable("approval_proxy")
    .addColumn("id", "integer", id)
    .addColumn("approver_staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("proxy_staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("valid_from", "varchar(10)", (c) => c.notNull())
    .addColumn("valid_to", "varchar(10)", (c) => c.notNull())
    .addCheckConstraint("approval_proxy_dates", sql`valid_from <= valid_to`)
    .addCheckConstraint("approval_proxy_not_self", sql`approver_staff_id <> proxy_staff_id`)
    .execute();
  await db.schema
    .createIndex("approval_proxy_proxy")
    .on("approval_proxy")
    .columns(["proxy_staff_id", "valid_from"])
    .execute();

  await db.schema
    .createTable("section_route_rule")
    .addColumn("id", "integer", id)
    .addColumn("department_id", "integer", (c) => c.notNull().unique().references("department.id"))
    .addColumn("rules", "text", (c) => c.notNull())
    .addColumn("updated_by", "varchar(64)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable("attendance_entry")
    // No foreign key: SQLite cannot drop a column that has one, and down() must.
    .addColumn("request_id", "integer")
    .execute();
  await db.schema
    .createIndex("attendance_entry_request")
    .on("attendance_entry")
    .column("request_id")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("attendance_entry_request").execute();
  await db.schema.alterTable("attendance_entry").dropColumn("request_id").execute();
  await db.schema.dropTable("section_route_rule").execute();
  await db.schema.dropTable("approval_proxy").execute();
  await db.schema.dropTable("request").execute();
}
