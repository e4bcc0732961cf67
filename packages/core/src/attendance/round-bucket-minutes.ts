import type { WorkRules } from "./work-rules";

const MINUTES_PER_HOUR = 60;

/**
 * Whole hours for one bucket's monthly minutes: full hours, plus one when the remainder reaches
 * `roundUpFromMinutes` (30 by default: 29 min → 0 h, 30 min → 1 h). Applied once per month and bucket,
 * never per day (給与条例). A remainder of zero never rounds up, so a town setting 0 rounds every part hour up
 * and a town setting 60 truncates.
 */
export function roundBucketMinutes(minutes: number, rules: WorkRules): number {
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw new RangeError(`Not a whole, non-negative number of minutes: ${minutes}`);
  }
  const { roundUpFromMinutes } = rules.rounding;
  if (
    !Number.isInteger(roundUpFromMinutes) ||
    roundUpFromMinutes < 0 ||
    roundUpFromMinutes > MINUTES_PER_HOUR
  ) {
    throw new RangeError(`roundUpFromMinutes must be a whole number from 0 to 60: ${roundUpFromMinutes}`);
  }
  const hours = Math.floor(minutes / MINUTES_PER_HOUR);
  const remainder = minutes - hours * MINUTES_PER_HOUR;
  return remainder > 0 && remainder >= roundUpFromMinutes ? hours + 1 : hours;
}
