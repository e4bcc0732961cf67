import { formatLocalDate, type LocalDate, parseLocalDate } from "./local-date";

export type FiscalYearRange = { from: LocalDate; to: LocalDate };

/** The fiscal year (年度) a date falls in; it runs from 1 April to 31 March and is named by its start year. */
export function fiscalYearOf(date: LocalDate): number {
  const parts = parseLocalDate(date);
  if (parts === null) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${JSON.stringify(date)}`);
  return parts.month >= 4 ? parts.year : parts.year - 1;
}

export function fiscalYearRange(fiscalYear: number): FiscalYearRange {
  return {
    from: formatLocalDate({ year: fiscalYear, month: 4, day: 1 }),
    to: formatLocalDate({ year: fiscalYear + 1, month: 3, day: 31 }),
  };
}
