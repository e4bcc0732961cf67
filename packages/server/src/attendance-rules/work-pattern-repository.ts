import type { Weekday, WorkPattern } from "@tobira/core";
import { type WorkPatternDto, type WorkPatternInput, weekdayKeys } from "@tobira/protocol";
import type { Selectable } from "kysely";
import type { WorkPatternTable } from "../db/schema";
import type { Executor } from "../db/transaction";
import {
  countWeeklyMinutes,
  presentDays,
  type StoredDays,
  storeDays,
  storedDaysSchema,
} from "./pattern-days";

type WorkPatternRow = Selectable<WorkPatternTable>;

export async function listWorkPatterns(db: Executor): Promise<WorkPatternDto[]> {
  const rows = await db.selectFrom("work_pattern").selectAll().orderBy("id").execute();
  return rows.map(presentWorkPattern);
}

export async function findWorkPattern(db: Executor, id: number): Promise<WorkPatternDto | undefined> {
  const row = await db.selectFrom("work_pattern").selectAll().where("id", "=", id).executeTakeFirst();
  return row && presentWorkPattern(row);
}

/** Every pattern as core computes with it: minutes of the work day, weekdays as numbers. */
export async function listCoreWorkPatterns(db: Executor): Promise<WorkPattern[]> {
  const rows = await db.selectFrom("work_pattern").selectAll().orderBy("id").execute();
  return rows.map((row) => {
    const stored = readDays(row);
    const days: WorkPattern["days"] = {};
    weekdayKeys.forEach((key, weekday) => {
      const day = stored[key];
      if (day && isWeekday(weekday)) days[weekday] = day;
    });
    return { id: String(row.id), name: row.name, days };
  });
}

export async function findWorkPatternIdByName(db: Executor, name: string): Promise<number | undefined> {
  const row = await db.selectFrom("work_pattern").select("id").where("name", "=", name).executeTakeFirst();
  return row?.id;
}

export async function insertWorkPattern(db: Executor, input: WorkPatternInput, at: Date): Promise<number> {
  const { id } = await db
    .insertInto("work_pattern")
    .values({
      name: input.name,
      days: JSON.stringify(storeDays(input.days)),
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateWorkPattern(
  db: Executor,
  id: number,
  input: WorkPatternInput,
  at: Date,
): Promise<void> {
  await db
    .updateTable("work_pattern")
    .set({ name: input.name, days: JSON.stringify(storeDays(input.days)), updated_at: at.toISOString() })
    .where("id", "=", id)
    .execute();
}

export async function deleteWorkPattern(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("work_pattern").where("id", "=", id).execute();
}

function presentWorkPattern(row: WorkPatternRow): WorkPatternDto {
  const days = readDays(row);
  return { id: row.id, name: row.name, days: presentDays(days), weeklyMinutes: countWeeklyMinutes(days) };
}

function readDays(row: WorkPatternRow): StoredDays {
  return storedDaysSchema.parse(JSON.parse(row.days));
}

function isWeekday(value: number): value is Weekday {
  return Number.isInteger(value) && value >= 0 && value <= 6;
}
