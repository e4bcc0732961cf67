import type { ErrorIssue, ScheduledDayDto, WorkPatternInput } from "@tobira/protocol";
import { weekdayKeys } from "@tobira/protocol";
import { z } from "zod";
import { minutesFromWorkTime, workTimeFromMinutes } from "./work-time";

/*
 * A pattern's days as the API writes them ("08:30", "31:00") and as the store and core keep them
 * (minutes of the work day), keyed by weekday "0" (Sunday) to "6".
 */

const minuteRangeSchema = z.object({ start: z.number().int(), end: z.number().int() });
const storedDaySchema = minuteRangeSchema.extend({ breaks: z.array(minuteRangeSchema) });
export const storedDaysSchema = z.partialRecord(z.enum(weekdayKeys), storedDaySchema);
export type StoredDays = z.infer<typeof storedDaysSchema>;
type StoredDay = z.infer<typeof storedDaySchema>;

const dayMinutes = 24 * 60;

export function storeDays(days: WorkPatternInput["days"]): StoredDays {
  const stored: StoredDays = {};
  for (const key of weekdayKeys) {
    const day = days[key];
    if (day) stored[key] = storeDay(day);
  }
  return stored;
}

export function presentDays(days: StoredDays): WorkPatternInput["days"] {
  const presented: WorkPatternInput["days"] = {};
  for (const key of weekdayKeys) {
    const day = days[key];
    if (!day) continue;
    presented[key] = {
      start: workTimeFromMinutes(day.start),
      end: workTimeFromMinutes(day.end),
      breaks: day.breaks.map((b) => ({
        start: workTimeFromMinutes(b.start),
        end: workTimeFromMinutes(b.end),
      })),
    };
  }
  return presented;
}

/** Scheduled minutes in a week: each day's span less its breaks (2325 for 8:30–17:15 five days). */
export function countWeeklyMinutes(days: StoredDays): number {
  let total = 0;
  for (const key of weekdayKeys) {
    const day = days[key];
    if (!day) continue;
    total += day.end - day.start - day.breaks.reduce((sum, b) => sum + (b.end - b.start), 0);
  }
  return total;
}

/**
 * A day starts before 24:00, ends after it starts and at most 24 h later; breaks lie inside the day and
 * do not overlap one another. A night shift is written 22:00–31:00 with a break 25:00–26:00.
 */
export function findPatternIssues(input: WorkPatternInput): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  for (const key of weekdayKeys) {
    const day = input.days[key];
    if (day) issues.push(...findDayIssues(`days.${key}`, day));
  }
  return issues;
}

function findDayIssues(path: string, input: ScheduledDayDto): ErrorIssue[] {
  const day = storeDay(input);
  const issues: ErrorIssue[] = [];
  if (day.start >= dayMinutes) issues.push({ path: `${path}.start`, message: "must be before 24:00" });
  if (day.end <= day.start) {
    issues.push({ path: `${path}.end`, message: "must be after start" });
    return issues;
  }
  if (day.end - day.start > dayMinutes)
    issues.push({ path: `${path}.end`, message: "must be at most 24 hours after start" });
  day.breaks.forEach((range, index) => {
    const at = `${path}.breaks.${index}`;
    if (range.end <= range.start) {
      issues.push({ path: `${at}.end`, message: "must be after start" });
      return;
    }
    if (range.start < day.start || range.end > day.end) {
      issues.push({ path: `${at}.start`, message: `must lie inside the day ${spanOf(day)}` });
      return;
    }
    const earlier = day.breaks.slice(0, index).find((b) => b.start < range.end && range.start < b.end);
    if (earlier) issues.push({ path: `${at}.start`, message: `overlaps the break ${spanOf(earlier)}` });
  });
  return issues;
}

function storeDay(day: ScheduledDayDto): StoredDay {
  return {
    start: minutesFromWorkTime(day.start),
    end: minutesFromWorkTime(day.end),
    breaks: day.breaks.map((b) => ({ start: minutesFromWorkTime(b.start), end: minutesFromWorkTime(b.end) })),
  };
}

function spanOf(range: { start: number; end: number }): string {
  return `${workTimeFromMinutes(range.start)}–${workTimeFromMinutes(range.end)}`;
}
