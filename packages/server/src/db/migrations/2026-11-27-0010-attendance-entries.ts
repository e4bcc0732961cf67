import { type Kysely, sql } from "kysely";
import { autoId, dialectOf } from "../dialect";

// What turns taps into a month besides the taps themselves: approved facts per person and work day (a
// punch correction, an overtime order, leave, holiday work and its compensation, the reason given for a
// divergence), and the close of a department's month, kept as history so reopening never erases a close.
// Times are minutes of the work day, as the daily record counts them (past 1440 after midnight).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(dialectOf(db));
  await db.schema
    .createTable("attendance_entry")
    .addColumn("id", "integer", id)
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("work_date", "varchar(10)", (c) => c.notNull())
    .addColumn("kind", "varchar(24)", (c) => c.notNull())
    .addColumn("start_minute", "integer")
    .addColumn("end_minute", "integer")
    .addColumn("leave_type", "varchar(40)")
    .addColumn("compensation", "varchar(24)")
    .addColumn("reason", "varchar(200)", (c) => c.notNull())
    .addColumn("recorded_by", "varchar(64)", (c) => c.notNull())
    .addColumn("recorded_at", "varchar(32)", (c) => c.notNull())
    .addCheckConstraint(
      "attendance_entry_kind",
      sql`kind in ('punchCorrection', 'overtimeOrder', 'leave', 'holidayWork', 'divergenceReason')`,
    )
    .addCheckConstraint(
      "attendance_entry_order",
      sql`start_minute is null or end_minute is null or start_minute < end_minute`,
    )
    .execute();
  await db.schema
    .createIndex("attendance_entry_staff_date")
    .on("attendance_entry")
    .columns(["staff_id", "work_date"])
    .execute();
  await db.schema.createIndex("attendance_entry_date").on("attendance_entry").column("work_date").execute();

  await db.schema
    .createTable("attendance_month_close")
    .addColumn("id", "integer", id)
    .addColumn("department_id", "integer", (c) => c.notNull().references("department.id"))
    .addColumn("month", "varchar(7)", (c) => c.notNull())
    .addColumn("closed_by", "varchar(64)", (c) => c.notNull())
    .addColumn("closed_at", "varchar(32)", (c) => c.notNull())
    .addColumn("reopened_by", "varchar(64)")
    .addColumn("reopened_at", "varchar(32)")
    .addColumn("reopen_reason", "varchar(200)")
    .execute();
  await db.schema
    .createIndex("attendance_month_close_department")
    .on("attendance_month_close")
    .columns(["department_id", "month"])
    .execute();

  // A person's taps over a month are read by holder and time (the existing holder index is by seq).
  await db.schema
    .createIndex("access_event_holder_time")
    .on("access_event")
    .columns(["holder_id", "occurred_at"])
    .execute();

  // The town's attendance settings that are not dated rules (the payroll file's layout), as JSON by key.
  await db.schema
    .createTable("attendance_setting")
    .addColumn("key", "varchar(64)", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_by", "varchar(64)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("attendance_setting").execute();
  await db.schema.dropIndex("access_event_holder_time").execute();
  await db.schema.dropTable("attendance_month_close").execute();
  await db.schema.dropTable("attendance_entry").execute();
}
