import { dayOfWeek, iterateLocalDates, type LocalDate, parseLocalDate } from "./local-date";
import { findNationalHoliday } from "./national-holidays";

/** A day the town's ordinance makes a holiday or a workday, overriding the computed calendar. */
export type TownDay = { date: LocalDate; kind: "holiday" | "workday"; name: string };

export type DayKind = "workday" | "weeklyRest" | "holiday";

export type DayReason =
  | "national_holiday"
  | "year_end"
  | "town_holiday"
  | "sunday"
  | "saturday"
  | "town_workday"
  | "weekday";

export type DayType = { kind: DayKind; reason: DayReason; name?: string };

export type CalendarDay = DayType & { date: LocalDate };

const YEAR_END_NAME = "年末年始";

export function isSunday(date: LocalDate): boolean {
  return dayOfWeek(date) === 0;
}

/** 12/29–1/3, the 年末年始 休日 of the standard 勤務時間条例. */
export function isYearEndHoliday(date: LocalDate): boolean {
  const parts = parseLocalDate(date);
  if (parts === null) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${JSON.stringify(date)}`);
  return (parts.month === 12 && parts.day >= 29) || (parts.month === 1 && parts.day <= 3);
}

function findComputedHoliday(
  date: LocalDate,
): { reason: "national_holiday" | "year_end"; name: string } | null {
  const nationalHoliday = findNationalHoliday(date);
  if (nationalHoliday !== undefined) return { reason: "national_holiday", name: nationalHoliday.name };
  return isYearEndHoliday(date) ? { reason: "year_end", name: YEAR_END_NAME } : null;
}

function classifyComputedDay(date: LocalDate): DayType {
  const holiday = findComputedHoliday(date);
  const weekday = dayOfWeek(date);
  // A 休日 excuses scheduled hours, and a 週休日 has none: the weekend wins and keeps the holiday's name.
  if (weekday === 0 || weekday === 6) {
    const reason = weekday === 0 ? "sunday" : "saturday";
    return holiday === null
      ? { kind: "weeklyRest", reason }
      : { kind: "weeklyRest", reason, name: holiday.name };
  }
  if (holiday === null) return { kind: "workday", reason: "weekday" };
  return { kind: "holiday", reason: holiday.reason, name: holiday.name };
}

function classifyTownDay(townDay: TownDay): DayType {
  return townDay.kind === "holiday"
    ? { kind: "holiday", reason: "town_holiday", name: townDay.name }
    : { kind: "workday", reason: "town_workday", name: townDay.name };
}

/**
 * What kind of day a date is for staff on the standard Monday–Friday schedule.
 * A town day for the date decides; when several are given for one date, the last one wins.
 */
export function classifyDay(date: LocalDate, townDays: readonly TownDay[] = []): DayType {
  const townDay = townDays.findLast((candidate) => candidate.date === date);
  return townDay === undefined ? classifyComputedDay(date) : classifyTownDay(townDay);
}

/** Every date from `from` to `to` (both included) with its day type. */
export function listDays(from: LocalDate, to: LocalDate, townDays: readonly TownDay[] = []): CalendarDay[] {
  const townDayByDate = new Map<LocalDate, TownDay>();
  for (const townDay of townDays) townDayByDate.set(townDay.date, townDay);
  const days: CalendarDay[] = [];
  for (const date of iterateLocalDates(from, to)) {
    const townDay = townDayByDate.get(date);
    const dayType = townDay === undefined ? classifyComputedDay(date) : classifyTownDay(townDay);
    days.push({ date, ...dayType });
  }
  return days;
}
