import type { OvertimeDayKind } from "./daily-day-plan";
import { selectNightRanges } from "./daily-night-window";
import { sumRangeMinutes } from "./minute-ranges";
import type { MinuteRange, OvertimeBucket, WorkRules } from "./work-rules";

const bucketsByKind: Record<OvertimeDayKind, { day: OvertimeBucket; night: OvertimeBucket }> = {
  weekday: { day: "weekdayDay", night: "weekdayNight" },
  restDay: { day: "restDayDay", night: "restDayNight" },
  sunday: { day: "sundayDay", night: "sundayNight" },
  holiday: { day: "holidayDay", night: "holidayNight" },
};

export function createEmptyOvertime(): Record<OvertimeBucket, number> {
  return {
    weekdayDay: 0,
    weekdayNight: 0,
    restDayDay: 0,
    restDayNight: 0,
    sundayDay: 0,
    sundayNight: 0,
    holidayDay: 0,
    holidayNight: 0,
  };
}

/** Ordered overtime minutes into the day's bucket pair, split at the night window's edges. */
export function bucketOvertime(
  overtime: readonly MinuteRange[],
  kind: OvertimeDayKind,
  night: WorkRules["night"],
): Record<OvertimeBucket, number> {
  const buckets = createEmptyOvertime();
  const nightMinutes = sumRangeMinutes(selectNightRanges(overtime, night));
  buckets[bucketsByKind[kind].day] = sumRangeMinutes(overtime) - nightMinutes;
  buckets[bucketsByKind[kind].night] = nightMinutes;
  return buckets;
}
