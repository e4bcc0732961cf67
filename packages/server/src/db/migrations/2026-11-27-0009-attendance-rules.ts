import { defaultWorkRules, standardPattern } from "@tobira/core";
import type { Kysely } from "kysely";
import { autoId, dialectOf } from "../dialect";

// 勤務時間・給与の規則 as data: rule versions by 施行日, work patterns, who works which pattern, and the
// 他律的 designation of sections. Shipped with the common defaults, effective from 1989-04-01 (平成元年度)
// so every date the system can be asked about has rules.

const defaultsFrom = "1989-04-01";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(dialectOf(db));
  await db.schema
    .createTable("attendance_rule_version")
    .addColumn("id", "integer", id)
    .addColumn("effective_from", "varchar(10)", (c) => c.notNull().unique())
    .addColumn("rules", "text", (c) => c.notNull())
    .addColumn("created_by", "varchar(64)", (c) => c.notNull())
    .addColumn("created_at", "varchar(32)", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("work_pattern")
    .addColumn("id", "integer", id)
    .addColumn("name", "varchar(100)", (c) => c.notNull().unique())
    .addColumn("days", "text", (c) => c.notNull())
    .addColumn("created_at", "varchar(32)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("pattern_assignment")
    .addColumn("id", "integer", id)
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("pattern_id", "integer", (c) => c.notNull().references("work_pattern.id"))
    .addColumn("valid_from", "varchar(10)", (c) => c.notNull())
    .addColumn("valid_to", "varchar(10)")
    .execute();
  await db.schema
    .createIndex("pattern_assignment_staff")
    .on("pattern_assignment")
    .columns(["staff_id", "valid_from"])
    .execute();
  await db.schema
    .createIndex("pattern_assignment_pattern")
    .on("pattern_assignment")
    .column("pattern_id")
    .execute();

  await db.schema
    .createTable("section_designation")
    .addColumn("id", "integer", id)
    .addColumn("department_id", "integer", (c) => c.notNull().references("department.id"))
    .addColumn("externally_driven", "integer", (c) => c.notNull())
    .addColumn("valid_from", "varchar(10)", (c) => c.notNull())
    .addColumn("valid_to", "varchar(10)")
    .execute();
  await db.schema
    .createIndex("section_designation_department")
    .on("section_designation")
    .columns(["department_id", "valid_from"])
    .execute();

  const now = new Date().toISOString();
  await db
    .insertInto("attendance_rule_version")
    .values({
      effective_from: defaultsFrom,
      rules: JSON.stringify(defaultWorkRules),
      created_by: "system",
      created_at: now,
    })
    .execute();
  // Stored as core keeps it: minutes of the work day, keyed by weekday ("0" = Sunday).
  await db
    .insertInto("work_pattern")
    .values({
      name: standardPattern.name,
      days: JSON.stringify(standardPattern.days),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("section_designation").execute();
  await db.schema.dropTable("pattern_assignment").execute();
  await db.schema.dropTable("work_pattern").execute();
  await db.schema.dropTable("attendance_rule_version").execute();
}
