import { parseInstantMs } from "../access/local-moment";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
// Japan has kept UTC+09:00 without daylight saving time since 1952.
const TOKYO_OFFSET_MS = 9 * 60 * MS_PER_MINUTE;

/** Where the attendance day turns over: 05:00 in Asia/Tokyo, so a night shift stays on its day. */
export const defaultDayBoundaryMinute = 5 * 60;

/** Milliseconds since the epoch of an ISO instant with an offset; throws RangeError otherwise. */
export function readInstantMs(at: string): number {
  const epochMs = parseInstantMs(at);
  if (epochMs === null) throw new RangeError(`Not an instant with an offset: ${JSON.stringify(at)}`);
  return epochMs;
}

/** Whole minutes after the work day began (0–1439), counted from the local boundary minute. */
export function readWorkDayMinute(epochMs: number, dayBoundaryMinute: number): number {
  const localMinute = Math.floor(
    ((((epochMs + TOKYO_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_MINUTE,
  );
  return (((localMinute - dayBoundaryMinute) % 1440) + 1440) % 1440;
}

/** The epoch milliseconds at which the work day holding `epochMs` began. */
export function findWorkDayStartMs(epochMs: number, dayBoundaryMinute: number): number {
  const minutesIntoDay = readWorkDayMinute(epochMs, dayBoundaryMinute);
  const startMinuteMs = Math.floor(epochMs / MS_PER_MINUTE) * MS_PER_MINUTE;
  return startMinuteMs - minutesIntoDay * MS_PER_MINUTE;
}

/**
 * The instant (UTC, ISO) the work day holding `at` began: the last local boundary (05:00 in
 * Asia/Tokyo by default) at or before it, so a tap at 04:50 belongs to the previous day.
 */
export function workDayStartOf(at: string, dayBoundaryMinute: number = defaultDayBoundaryMinute): string {
  return new Date(findWorkDayStartMs(readInstantMs(at), dayBoundaryMinute)).toISOString();
}
