import type { DayKind, LocalDate } from "../calendar/index";
import type { DailyRecord } from "./daily-record-types";
import { type OvertimeBucket, overtimeBuckets } from "./work-rules";

export type BucketMinutes = Partial<Record<OvertimeBucket, number>>;

export interface RecordExtras {
  dayKind?: DayKind;
  nightShiftMinutes?: number;
  holidayWorkMinutes?: number;
}

/** A daily record with only the fields the month reads, for tests. */
export function buildDailyRecord(
  date: LocalDate,
  minutes: BucketMinutes,
  extras: RecordExtras = {},
): DailyRecord {
  const overtime: Record<OvertimeBucket, number> = {
    weekdayDay: minutes.weekdayDay ?? 0,
    weekdayNight: minutes.weekdayNight ?? 0,
    restDayDay: minutes.restDayDay ?? 0,
    restDayNight: minutes.restDayNight ?? 0,
    sundayDay: minutes.sundayDay ?? 0,
    sundayNight: minutes.sundayNight ?? 0,
    holidayDay: minutes.holidayDay ?? 0,
    holidayNight: minutes.holidayNight ?? 0,
  };
  const overtimeMinutes = overtimeBuckets.reduce((sum, bucket) => sum + overtime[bucket], 0);
  const dayKind = extras.dayKind ?? "workday";
  const scheduledMinutes = dayKind === "workday" ? 465 : 0;
  return {
    date,
    dayKind,
    scheduledMinutes,
    workedMinutes: scheduledMinutes + overtimeMinutes,
    leaveMinutes: 0,
    overtime,
    overtimeMinutes,
    nightShiftMinutes: extras.nightShiftMinutes ?? 0,
    holidayWorkMinutes: extras.holidayWorkMinutes ?? 0,
    problems: [],
  };
}
