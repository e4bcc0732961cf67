import { type LocalDate, parseLocalDate } from "../calendar/index";

/** A calendar month, written 'YYYY-MM'. */
export type LocalMonth = string;

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** Months since January of year 0, so consecutive months differ by one. Throws RangeError on a malformed month. */
export function toMonthIndex(month: LocalMonth): number {
  const match = MONTH_PATTERN.exec(month);
  const monthOfYear = Number(match?.[2]);
  if (match === null || monthOfYear < 1 || monthOfYear > 12) {
    throw new RangeError(`Not a 'YYYY-MM' month: ${JSON.stringify(month)}`);
  }
  return Number(match[1]) * 12 + monthOfYear - 1;
}

export function formatMonthIndex(index: number): LocalMonth {
  const year = Math.floor(index / 12);
  const monthOfYear = index - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(monthOfYear).padStart(2, "0")}`;
}

/** The month a date falls in. Throws RangeError on a malformed date. */
export function findMonthOfDate(date: LocalDate): LocalMonth {
  if (parseLocalDate(date) === null) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${JSON.stringify(date)}`);
  return date.slice(0, 7);
}

/** The fiscal year (年度, April to March) a month belongs to, named by its start year. */
export function findFiscalYearOfMonthIndex(index: number): number {
  const year = Math.floor(index / 12);
  return index - year * 12 >= 3 ? year : year - 1;
}
