import type { LocalDate } from "../calendar/index";
import type { DailyRecord } from "./daily-record-types";
import { sortMonthRecords } from "./month-records";
import { roundBucketMinutes } from "./round-bucket-minutes";
import { type OvertimeBucket, type OvertimeTier, overtimeBuckets, type WorkRules } from "./work-rules";

export type TierAmounts = Record<OvertimeTier, number>;
export type BucketTierAmounts = Record<OvertimeBucket, TierAmounts>;

/** One person's month: overtime per bucket split at the 60-hour line, exact and rounded once. */
export interface MonthTotals {
  /** Exact minutes per bucket and tier. Sunday buckets keep all their minutes in `upTo60`. */
  minutes: BucketTierAmounts;
  /** Whole hours per bucket and tier, each rounded once from the month's exact minutes. */
  hours: BucketTierAmounts;
  /** Every overtime bucket, Sunday included. */
  overtimeMinutes: number;
  /** The minutes the 60-hour line counts: every bucket except Sunday's. */
  thresholdMinutes: number;
  /**
   * The minutes the 45/100-hour caps count: all 時間外勤務, Sunday included, so the same as `overtimeMinutes`.
   * Scheduled hours worked on a 休日 (`holidayWorkMinutes`) are not 時間外勤務 and are not counted.
   */
  capMinutes: number;
  nightShiftMinutes: number;
  nightShiftHours: number;
  holidayWorkMinutes: number;
  holidayWorkHours: number;
  /** The date on which the 61st hour began, or null when the month stayed within the line. */
  over60StartedOn: LocalDate | null;
}

/**
 * The order buckets meet the 60-hour line within one day. The record does not say when in the day each
 * minute was worked; day overtime usually runs on from the schedule into the night, so day comes first.
 * Sunday buckets are absent: Sunday work is not counted toward the 60 hours (給与条例).
 */
export const thresholdBucketOrder = [
  "weekdayDay",
  "restDayDay",
  "holidayDay",
  "weekdayNight",
  "restDayNight",
  "holidayNight",
] as const satisfies readonly OvertimeBucket[];

const sundayBuckets = ["sundayDay", "sundayNight"] as const satisfies readonly OvertimeBucket[];

function createBucketTierAmounts(): BucketTierAmounts {
  const zero = (): TierAmounts => ({ upTo60: 0, over60: 0 });
  return {
    weekdayDay: zero(),
    weekdayNight: zero(),
    restDayDay: zero(),
    restDayNight: zero(),
    sundayDay: zero(),
    sundayNight: zero(),
    holidayDay: zero(),
    holidayNight: zero(),
  };
}

function roundBucketTierAmounts(minutes: BucketTierAmounts, rules: WorkRules): BucketTierAmounts {
  const hours = createBucketTierAmounts();
  for (const bucket of overtimeBuckets) {
    hours[bucket].upTo60 = roundBucketMinutes(minutes[bucket].upTo60, rules);
    hours[bucket].over60 = roundBucketMinutes(minutes[bucket].over60, rules);
  }
  return hours;
}

/**
 * Totals one person's records of one calendar month (any order). The 60-hour line is met in date order,
 * buckets within a day in `thresholdBucketOrder`; the bucket that crosses it is split. Rounding happens
 * here, once per bucket and tier. Throws RangeError on malformed records (see `sortMonthRecords`).
 */
export function aggregateMonth(records: readonly DailyRecord[], rules: WorkRules): MonthTotals {
  const threshold = rules.monthlyThresholdMinutes;
  if (!Number.isSafeInteger(threshold) || threshold < 0) {
    throw new RangeError(`monthlyThresholdMinutes must be a whole, non-negative number: ${threshold}`);
  }
  const minutes = createBucketTierAmounts();
  let thresholdMinutes = 0;
  let overtimeMinutes = 0;
  let nightShiftMinutes = 0;
  let holidayWorkMinutes = 0;
  let over60StartedOn: LocalDate | null = null;
  for (const record of sortMonthRecords(records)) {
    for (const bucket of thresholdBucketOrder) {
      const worked = record.overtime[bucket];
      const upTo60 = Math.min(worked, Math.max(0, threshold - thresholdMinutes));
      minutes[bucket].upTo60 += upTo60;
      minutes[bucket].over60 += worked - upTo60;
      thresholdMinutes += worked;
      if (worked > upTo60 && over60StartedOn === null) over60StartedOn = record.date;
    }
    for (const bucket of sundayBuckets) minutes[bucket].upTo60 += record.overtime[bucket];
    overtimeMinutes += record.overtimeMinutes;
    nightShiftMinutes += record.nightShiftMinutes;
    holidayWorkMinutes += record.holidayWorkMinutes;
  }
  return {
    minutes,
    hours: roundBucketTierAmounts(minutes, rules),
    overtimeMinutes,
    thresholdMinutes,
    capMinutes: overtimeMinutes,
    nightShiftMinutes,
    nightShiftHours: roundBucketMinutes(nightShiftMinutes, rules),
    holidayWorkMinutes,
    holidayWorkHours: roundBucketMinutes(holidayWorkMinutes, rules),
    over60StartedOn,
  };
}
