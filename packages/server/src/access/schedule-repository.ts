import type { ScheduleDayType, TimeWindow } from "@tobira/core";
import { type ScheduleInput, scheduleDayTypeSchema } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import { minutesFromTimeOfDay } from "./time-of-day";

/** A schedule as stored: windows in minutes after local midnight, [start, end). */
export interface StoredSchedule {
  id: number;
  name: string;
  windows: Record<ScheduleDayType, TimeWindow[]>;
  specialDays: { date: string; windows: TimeWindow[] }[];
}

/** Every schedule, or only the one with `onlyId`, with its windows in start order. */
export async function listSchedules(db: Executor, onlyId?: number): Promise<StoredSchedule[]> {
  let schedules = db.selectFrom("access_schedule").selectAll().orderBy("id");
  let windows = db.selectFrom("access_schedule_window").selectAll().orderBy("start_minute");
  let specialDays = db.selectFrom("access_special_day").selectAll().orderBy("date");
  let specialWindows = db
    .selectFrom("access_special_window as w")
    .innerJoin("access_special_day as d", "d.id", "w.special_day_id")
    .select(["w.special_day_id", "w.start_minute", "w.end_minute"])
    .orderBy("w.start_minute");
  if (onlyId !== undefined) {
    schedules = schedules.where("id", "=", onlyId);
    windows = windows.where("schedule_id", "=", onlyId);
    specialDays = specialDays.where("schedule_id", "=", onlyId);
    specialWindows = specialWindows.where("d.schedule_id", "=", onlyId);
  }
  const weeklyBySchedule = groupBy(await windows.execute(), (w) => w.schedule_id);
  const daysBySchedule = groupBy(await specialDays.execute(), (d) => d.schedule_id);
  const windowsByDay = groupBy(await specialWindows.execute(), (w) => w.special_day_id);
  return (await schedules.execute()).map((s) => {
    const byDayType: StoredSchedule["windows"] = { workday: [], weeklyRest: [], holiday: [] };
    for (const w of weeklyBySchedule.get(s.id) ?? []) {
      byDayType[scheduleDayTypeSchema.parse(w.day_type)].push(windowOf(w));
    }
    return {
      id: s.id,
      name: s.name,
      windows: byDayType,
      specialDays: (daysBySchedule.get(s.id) ?? []).map((d) => ({
        date: d.date,
        windows: (windowsByDay.get(d.id) ?? []).map(windowOf),
      })),
    };
  });
}

function groupBy<T>(rows: T[], keyOf: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

function windowOf(row: { start_minute: number; end_minute: number }): TimeWindow {
  return { start: row.start_minute, end: row.end_minute };
}

export async function findSchedule(db: Executor, id: number): Promise<StoredSchedule | undefined> {
  return (await listSchedules(db, id))[0];
}

export async function listScheduleIds(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom("access_schedule").select("id").execute();
  return rows.map((r) => r.id);
}

export async function findScheduleIdByName(db: Executor, name: string): Promise<number | undefined> {
  const row = await db.selectFrom("access_schedule").select("id").where("name", "=", name).executeTakeFirst();
  return row?.id;
}

export async function insertSchedule(db: Executor, input: ScheduleInput): Promise<number> {
  const { id } = await db
    .insertInto("access_schedule")
    .values({ name: input.name })
    .returning("id")
    .executeTakeFirstOrThrow();
  await saveWindows(db, id, input);
  return id;
}

export async function updateSchedule(db: Executor, id: number, input: ScheduleInput): Promise<void> {
  await db.updateTable("access_schedule").set({ name: input.name }).where("id", "=", id).execute();
  await db.deleteFrom("access_schedule_window").where("schedule_id", "=", id).execute();
  // Special windows go with their day (on delete cascade).
  await db.deleteFrom("access_special_day").where("schedule_id", "=", id).execute();
  await saveWindows(db, id, input);
}

export async function deleteSchedule(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("access_schedule").where("id", "=", id).execute();
}

async function saveWindows(db: Executor, scheduleId: number, input: ScheduleInput): Promise<void> {
  const weekly = scheduleDayTypeSchema.options.flatMap((dayType) =>
    input.windows[dayType].map((w) => ({
      schedule_id: scheduleId,
      day_type: dayType,
      start_minute: minutesFromTimeOfDay(w.start),
      end_minute: minutesFromTimeOfDay(w.end),
    })),
  );
  if (weekly.length > 0) await db.insertInto("access_schedule_window").values(weekly).execute();
  for (const day of input.specialDays) {
    const { id } = await db
      .insertInto("access_special_day")
      .values({ schedule_id: scheduleId, date: day.date })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (day.windows.length === 0) continue;
    await db
      .insertInto("access_special_window")
      .values(
        day.windows.map((w) => ({
          special_day_id: id,
          start_minute: minutesFromTimeOfDay(w.start),
          end_minute: minutesFromTimeOfDay(w.end),
        })),
      )
      .execute();
  }
}

/** What still uses a schedule: group rules and door modes. */
export async function countScheduleReferences(
  db: Executor,
  id: number,
): Promise<{ rules: number; doorModes: number }> {
  const rules = await db
    .selectFrom("access_rule")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("schedule_id", "=", id)
    .executeTakeFirstOrThrow();
  const doorModes = await db
    .selectFrom("access_door_mode")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("schedule_id", "=", id)
    .executeTakeFirstOrThrow();
  return { rules: Number(rules.n), doorModes: Number(doorModes.n) };
}
