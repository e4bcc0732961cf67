import type { ScheduledDayDto, WorkPatternDto, WorkPatternInput } from "@tobira/protocol";
import { weekdayKeys } from "@tobira/protocol";
import { normaliseClock, parseClock } from "./work-time";

export type WeekdayKey = (typeof weekdayKeys)[number];

/** Monday first, as Japanese timesheets list the week. */
export const weekdayOrder: readonly WeekdayKey[] = ["1", "2", "3", "4", "5", "6", "0"];

export interface DayRow {
  off: boolean;
  start: string;
  end: string;
  /** "12:00-13:00, 15:00-15:15" */
  breaks: string;
}

export type DayProblem = "start" | "end" | "order" | "breaks" | "tooManyBreaks";

/** The form's rows for a pattern, or the standard 8:30–17:15 week for a new one. */
export function rowsFromPattern(pattern: WorkPatternDto | null): Record<WeekdayKey, DayRow> {
  const row = (key: WeekdayKey): DayRow => {
    if (pattern === null) {
      const weekday = key !== "0" && key !== "6";
      return { off: !weekday, start: "08:30", end: "17:15", breaks: weekday ? "12:00-13:00" : "" };
    }
    const day = pattern.days[key];
    if (day === undefined) return { off: true, start: "", end: "", breaks: "" };
    return {
      off: false,
      start: day.start,
      end: day.end,
      breaks: day.breaks.map((part) => `${part.start}-${part.end}`).join(", "),
    };
  };
  return {
    "0": row("0"),
    "1": row("1"),
    "2": row("2"),
    "3": row("3"),
    "4": row("4"),
    "5": row("5"),
    "6": row("6"),
  };
}

/** A row as the protocol's scheduled day, or what is wrong with it. */
export function readDay(row: DayRow): { day: ScheduledDayDto } | { problem: DayProblem } {
  const start = normaliseClock(row.start);
  if (start === null) return { problem: "start" };
  const end = normaliseClock(row.end);
  if (end === null) return { problem: "end" };
  if (start >= end) return { problem: "order" };
  const parts = row.breaks
    .split(/[,、，]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length > 4) return { problem: "tooManyBreaks" };
  const breaks: ScheduledDayDto["breaks"] = [];
  for (const part of parts) {
    const [from, to, extra] = part.split(/\s*[-–〜~]\s*/);
    const breakStart = normaliseClock(from ?? "");
    const breakEnd = normaliseClock(to ?? "");
    if (extra !== undefined || breakStart === null || breakEnd === null) return { problem: "breaks" };
    if (breakStart >= breakEnd || breakStart < start || breakEnd > end) return { problem: "breaks" };
    breaks.push({ start: breakStart, end: breakEnd });
  }
  return { day: { start, end, breaks } };
}

/** Scheduled minutes of a day: end − start − breaks. */
export function minutesOfDay(day: ScheduledDayDto): number {
  const span = (start: string, end: string) => (parseClock(end) ?? 0) - (parseClock(start) ?? 0);
  return day.breaks.reduce((total, part) => total - span(part.start, part.end), span(day.start, day.end));
}

/** The days of a pattern input from valid rows; rows marked 勤務なし are left out (週休日). */
export function daysFromRows(rows: Record<WeekdayKey, DayRow>): {
  days: WorkPatternInput["days"];
  problems: [WeekdayKey, DayProblem][];
} {
  const days: WorkPatternInput["days"] = {};
  const problems: [WeekdayKey, DayProblem][] = [];
  for (const key of weekdayKeys) {
    const row = rows[key];
    if (row.off) continue;
    const read = readDay(row);
    if ("problem" in read) problems.push([key, read.problem]);
    else days[key] = read.day;
  }
  return { days, problems };
}
