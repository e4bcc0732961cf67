import { compareLocalDates } from "../calendar/index";
import type { DailyRecord } from "./daily-record-types";
import { findMonthOfDate } from "./month-key";
import { overtimeBuckets } from "./work-rules";

function requireMinutes(value: number, label: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${label} must be a whole, non-negative number of minutes: ${value}`);
  }
}

function requireWellFormed(record: DailyRecord): void {
  let sum = 0;
  for (const bucket of overtimeBuckets) {
    requireMinutes(record.overtime[bucket], `${record.date} ${bucket}`);
    sum += record.overtime[bucket];
  }
  requireMinutes(record.nightShiftMinutes, `${record.date} nightShiftMinutes`);
  requireMinutes(record.holidayWorkMinutes, `${record.date} holidayWorkMinutes`);
  if (sum !== record.overtimeMinutes) {
    throw new RangeError(
      `${record.date}: overtimeMinutes ${record.overtimeMinutes} is not its buckets' sum ${sum}`,
    );
  }
}

/**
 * One person's records of one calendar month in date order. Throws RangeError when a record is malformed,
 * when two share a date, or when they span more than one month.
 */
export function sortMonthRecords(records: readonly DailyRecord[]): DailyRecord[] {
  const first = records[0];
  if (first === undefined) return [];
  const month = findMonthOfDate(first.date);
  for (const record of records) {
    if (findMonthOfDate(record.date) !== month) {
      throw new RangeError(`Records span more than one month: ${first.date} and ${record.date}`);
    }
    requireWellFormed(record);
  }
  const sorted = [...records].sort((a, b) => compareLocalDates(a.date, b.date));
  sorted.forEach((record, index) => {
    if (index > 0 && sorted[index - 1]?.date === record.date) {
      throw new RangeError(`Two records for ${record.date}`);
    }
  });
  return sorted;
}
