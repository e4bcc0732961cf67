import { formatLocalDate, type LocalDate, parseLocalDate } from "../../calendar/index";

function requireStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`A leave year starts in a month 1–12: ${startMonth}`);
  }
}

/** The leave year a date falls in, named by the calendar year it starts in (1 = calendar year, 4 = 年度). */
export function findLeaveYearOf(date: LocalDate, startMonth: number): number {
  requireStartMonth(startMonth);
  const parts = parseLocalDate(date);
  if (parts === null) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${JSON.stringify(date)}`);
  return parts.month >= startMonth ? parts.year : parts.year - 1;
}

/** The first day of a leave year. */
export function findLeaveYearStart(leaveYear: number, startMonth: number): LocalDate {
  requireStartMonth(startMonth);
  return formatLocalDate({ year: leaveYear, month: startMonth, day: 1 });
}

/** Whole months from one date to a later one: 2026-04-01 → 2027-04-01 is 12, → 2027-03-31 is 11. */
export function countWholeMonths(from: LocalDate, to: LocalDate): number {
  const start = parseLocalDate(from);
  const end = parseLocalDate(to);
  if (start === null || end === null) {
    throw new RangeError(`Not 'YYYY-MM-DD' dates: ${JSON.stringify(from)}, ${JSON.stringify(to)}`);
  }
  const months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day ? 1 : 0);
  return Math.max(0, months);
}
