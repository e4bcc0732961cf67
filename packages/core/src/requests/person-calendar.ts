import type { ScheduledDay, Weekday, WorkPattern } from "../attendance/work-rules";
import { classifyDay, type DayKind, dayOfWeek, type LocalDate, type TownDay } from "../calendar/index";

/** The person's days: which kind each is for them, and the scheduled hours on a workday. */
export interface PersonCalendar {
  dayKindOn(date: LocalDate): DayKind;
  /** null on a 週休日 or 休日. */
  scheduleOn(date: LocalDate): ScheduledDay | null;
}

function isWeekday(value: number): value is Weekday {
  return Number.isInteger(value) && value >= 0 && value <= 6;
}

function findPatternDay(pattern: WorkPattern, date: LocalDate): ScheduledDay | null {
  const weekday = dayOfWeek(date);
  return isWeekday(weekday) ? (pattern.days[weekday] ?? null) : null;
}

/**
 * A calendar for someone working one pattern: a weekday the pattern leaves empty is their 週休日; on a
 * day they work, a 祝日 or 年末年始 (also one falling on a weekend) or a town holiday is their 休日, and a
 * town workday is a workday.
 */
export function createPersonCalendar(pattern: WorkPattern, townDays: readonly TownDay[]): PersonCalendar {
  const dayKindOn = (date: LocalDate): DayKind => {
    if (findPatternDay(pattern, date) === null) return "weeklyRest";
    const day = classifyDay(date, townDays);
    if (day.kind === "holiday") return "holiday";
    if (day.kind === "weeklyRest" && day.name !== undefined) return "holiday";
    return "workday";
  };
  return {
    dayKindOn,
    scheduleOn: (date) => (dayKindOn(date) === "workday" ? findPatternDay(pattern, date) : null),
  };
}
