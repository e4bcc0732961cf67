import { addDays, iterateLocalDates, type LocalDate } from "@tobira/core";

/** The first and last date of a 'YYYY-MM' month (already validated by the caller's schema). */
export function findMonthRange(month: string): { first: LocalDate; last: LocalDate } {
  const year = Number(month.slice(0, 4));
  const monthOfYear = Number(month.slice(5, 7));
  const next = monthOfYear === 12 ? `${year + 1}-01` : `${year}-${String(monthOfYear + 1).padStart(2, "0")}`;
  return { first: `${month}-01`, last: addDays(`${next}-01`, -1) };
}

export function listMonthDates(month: string): LocalDate[] {
  const { first, last } = findMonthRange(month);
  return [...iterateLocalDates(first, last)];
}

/** Midnight at the start of a local date in Asia/Tokyo, as an instant. */
export function startOfTokyoDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00+09:00`);
}
