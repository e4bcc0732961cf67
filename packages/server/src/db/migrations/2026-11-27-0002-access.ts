import type { Kysely } from "kysely";
import { autoId, dialectOf } from "../dialect";

// 入退室管理: the building, schedules, access groups, temporary grants, the snapshot version and the
// snapshot signing key.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(dialectOf(db));

  await db.schema
    .createTable("access_area")
    .addColumn("id", "integer", id)
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("access_area.id"))
    .addColumn("anti_passback", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("two_person_rule", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("access_schedule")
    .addColumn("id", "integer", id)
    .addColumn("name", "varchar(100)", (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createTable("access_schedule_window")
    .addColumn("id", "integer", id)
    .addColumn("schedule_id", "integer", (c) =>
      c.notNull().references("access_schedule.id").onDelete("cascade"),
    )
    .addColumn("day_type", "varchar(16)", (c) => c.notNull())
    .addColumn("start_minute", "integer", (c) => c.notNull())
    .addColumn("end_minute", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("access_schedule_window_schedule")
    .on("access_schedule_window")
    .column("schedule_id")
    .execute();
  await db.schema
    .createTable("access_special_day")
    .addColumn("id", "integer", id)
    .addColumn("schedule_id", "integer", (c) =>
      c.notNull().references("access_schedule.id").onDelete("cascade"),
    )
    .addColumn("date", "varchar(10)", (c) => c.notNull())
    .addUniqueConstraint("access_special_day_schedule_date", ["schedule_id", "date"])
    .execute();
  await db.schema
    .createTable("access_special_window")
    .addColumn("id", "integer", id)
    .addColumn("special_day_id", "integer", (c) =>
      c.notNull().references("access_special_day.id").onDelete("cascade"),
    )
    .addColumn("start_minute", "integer", (c) => c.notNull())
    .addColumn("end_minute", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("access_special_window_day")
    .on("access_special_window")
    .column("special_day_id")
    .execute();

  await db.schema
    .createTable("access_door")
    .addColumn("id", "integer", id)
    .addColumn("name", "varchar(100)", (c) => c.notNull().unique())
    .addColumn("from_area_id", "integer", (c) => c.notNull().references("access_area.id"))
    .addColumn("to_area_id", "integer", (c) => c.notNull().references("access_area.id"))
    .addColumn("default_mode", "varchar(16)", (c) => c.notNull())
    .addColumn("exit_button", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("access_door_mode")
    .addColumn("door_id", "integer", (c) => c.notNull().references("access_door.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("schedule_id", "integer", (c) => c.notNull().references("access_schedule.id"))
    .addColumn("mode", "varchar(16)", (c) => c.notNull())
    .addPrimaryKeyConstraint("access_door_mode_pk", ["door_id", "position"])
    .execute();

  await db.schema
    .createTable("access_reader")
    .addColumn("id", "integer", id)
    .addColumn("name", "varchar(100)", (c) => c.notNull().unique())
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("door_id", "integer", (c) => c.references("access_door.id"))
    .addColumn("side", "varchar(8)")
    .execute();

  await db.schema
    .createTable("access_group")
    .addColumn("id", "integer", id)
    .addColumn("name", "varchar(100)", (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createTable("access_rule")
    .addColumn("id", "integer", id)
    .addColumn("group_id", "integer", (c) => c.notNull().references("access_group.id").onDelete("cascade"))
    .addColumn("door_id", "integer", (c) => c.notNull().references("access_door.id"))
    .addColumn("schedule_id", "integer", (c) => c.notNull().references("access_schedule.id"))
    .addColumn("minimum_assurance", "varchar(16)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("access_rule_group").on("access_rule").column("group_id").execute();
  await db.schema.createIndex("access_rule_door").on("access_rule").column("door_id").execute();

  await db.schema
    .createTable("access_membership")
    .addColumn("id", "integer", id)
    .addColumn("group_id", "integer", (c) => c.notNull().references("access_group.id").onDelete("cascade"))
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("valid_from", "varchar(10)", (c) => c.notNull())
    .addColumn("valid_to", "varchar(10)")
    .execute();
  await db.schema
    .createIndex("access_membership_group")
    .on("access_membership")
    .columns(["group_id", "staff_id"])
    .execute();
  await db.schema.createIndex("access_membership_staff").on("access_membership").column("staff_id").execute();

  await db.schema
    .createTable("access_grant")
    .addColumn("id", "integer", id)
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id"))
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
    .addColumn("decision_comment", "varchar(500)")
    .execute();
  await db.schema
    .createIndex("access_grant_state")
    .on("access_grant")
    .columns(["state", "valid_to"])
    .execute();

  // One row: the version of the access rules, bumped by every change an agent must hear about.
  await db.schema
    .createTable("access_version")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull())
    .execute();
  await db.insertInto("access_version").values({ id: 1, version: 1 }).execute();

  // One row: the Ed25519 key snapshots are signed with (see signing-key-repository.ts for why here).
  await db.schema
    .createTable("signing_key")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("private_key_pem", "text", (c) => c.notNull())
    .addColumn("public_key_pem", "text", (c) => c.notNull())
    .addColumn("created_at", "varchar(32)", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "signing_key",
    "access_version",
    "access_grant",
    "access_membership",
    "access_rule",
    "access_group",
    "access_reader",
    "access_door_mode",
    "access_door",
    "access_special_window",
    "access_special_day",
    "access_schedule_window",
    "access_schedule",
    "access_area",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
