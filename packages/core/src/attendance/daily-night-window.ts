import { intersectRanges, normalizeRanges } from "./minute-ranges";
import type { MinuteRange, WorkRules } from "./work-rules";

const MINUTES_PER_DAY = 1440;

/**
 * The parts of `span` inside the night window (深夜, 22:00–5:00 by default) of any calendar day: with the
 * default window a work day's minutes 0–300, 1320–1740 and 2760–3180 … are night.
 */
export function listNightRanges(span: MinuteRange, night: WorkRules["night"]): MinuteRange[] {
  assertNightWindow(night);
  if (span.end <= span.start || night.startMinute === night.endMinute) return [];
  const firstDay = Math.floor(span.start / MINUTES_PER_DAY) - 1;
  const lastDay = Math.floor(span.end / MINUTES_PER_DAY);
  const windows: MinuteRange[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) {
    const dayStart = day * MINUTES_PER_DAY;
    // A window whose end is before its start wraps past midnight into the next calendar day.
    const endDayStart = night.endMinute < night.startMinute ? dayStart + MINUTES_PER_DAY : dayStart;
    windows.push({ start: dayStart + night.startMinute, end: endDayStart + night.endMinute });
  }
  return intersectRanges([span], windows);
}

/** The night part of a set of ranges. */
export function selectNightRanges(ranges: readonly MinuteRange[], night: WorkRules["night"]): MinuteRange[] {
  const merged = normalizeRanges(ranges);
  const first = merged.at(0);
  const last = merged.at(-1);
  if (first === undefined || last === undefined) return [];
  return intersectRanges(merged, listNightRanges({ start: first.start, end: last.end }, night));
}

function assertNightWindow(night: WorkRules["night"]): void {
  const isMinuteOfDay = (minute: number) =>
    Number.isInteger(minute) && minute >= 0 && minute <= MINUTES_PER_DAY;
  if (isMinuteOfDay(night.startMinute) && isMinuteOfDay(night.endMinute)) return;
  throw new RangeError(`The night window is not minutes of a day: ${JSON.stringify(night)}`);
}
