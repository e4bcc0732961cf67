import { addDays, compareLocalDates, fromEpochDay, type LocalDate } from "../calendar/index";
import { defaultPunchRule } from "./choose-punch";
import { type EffectivePunch, resolveEffectivePunches } from "./punch-replacements";
import { compareTimedTaps, type RawTap, readTimedTaps, type TimedDoor, type TimedTap } from "./punch-taps";

/** One work day's taps: punches after their replacements, and door taps, each in time order. */
export interface WorkDayTaps {
  punches: EffectivePunch[];
  doors: TimedDoor[];
}

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
// Japan has kept UTC+09:00 without daylight saving time since 1952.
const TOKYO_OFFSET_MS = 9 * MS_PER_HOUR;

/** Throws RangeError unless the boundary is a whole minute of the day and the open shift is positive. */
export function assertPunchDayOptions(dayBoundaryMinute: number, openShiftHours: number): void {
  if (!Number.isInteger(dayBoundaryMinute) || dayBoundaryMinute < 0 || dayBoundaryMinute >= 1440) {
    throw new RangeError(`Not a minute of the day: ${JSON.stringify(dayBoundaryMinute)}`);
  }
  if (!(openShiftHours > 0 && openShiftHours <= 24)) {
    throw new RangeError(`Not an open-shift length in hours (0–24]: ${JSON.stringify(openShiftHours)}`);
  }
}

/** The work day an instant falls in: its local date once the boundary minute is taken off. */
export function findWorkDateOf(epochMs: number, dayBoundaryMinute: number): LocalDate {
  return fromEpochDay(
    Math.floor((epochMs + TOKYO_OFFSET_MS - dayBoundaryMinute * MS_PER_MINUTE) / MS_PER_DAY),
  );
}

/**
 * Taps per work day. Each tap first goes to the work day it falls in (a replacement goes with the tap
 * it replaces). Then a night shift is closed across the boundary: when a day's last punch is an open
 * "in", the next day's "out" punches before its first "in" and within the open shift (16 h, as the
 * terminal decides) belong to the day the shift began, with the door taps up to that clock-out and
 * those after it that lie nearer to it than to the next day's first "in".
 */
export function groupTimedTapsByWorkDay(
  taps: readonly RawTap[],
  dayBoundaryMinute: number,
  openShiftHours: number = defaultPunchRule.openShiftHours,
): Map<LocalDate, WorkDayTaps> {
  assertPunchDayOptions(dayBoundaryMinute, openShiftHours);
  const timed = readTimedTaps(taps);
  const days = new Map<LocalDate, WorkDayTaps>();
  const findDay = (date: LocalDate): WorkDayTaps => {
    const day = days.get(date) ?? { punches: [], doors: [] };
    days.set(date, day);
    return day;
  };
  for (const punch of resolveEffectivePunches(timed)) {
    findDay(findWorkDateOf(punch.ms, dayBoundaryMinute)).punches.push(punch);
  }
  for (const tap of timed) {
    if (tap.kind === "door") findDay(findWorkDateOf(tap.ms, dayBoundaryMinute)).doors.push(tap);
  }
  for (const day of days.values()) day.doors.sort(compareTimedTaps);

  const dates = [...days.keys()].sort(compareLocalDates);
  const carries = dates.map((date) => ({ date, carry: findCarryFromNextDay(days, date, openShiftHours) }));
  for (const { date, carry } of carries) {
    if (carry === null) continue;
    const day = findDay(date);
    const next = findDay(addDays(date, 1));
    day.punches.push(...carry.punches);
    day.doors.push(...carry.doors);
    next.punches = next.punches.filter((punch) => !carry.punches.includes(punch));
    next.doors = next.doors.filter((door) => !carry.doors.includes(door));
  }

  const grouped = new Map<LocalDate, WorkDayTaps>();
  for (const date of dates) {
    const day = findDay(date);
    if (day.punches.length > 0 || day.doors.length > 0) grouped.set(date, day);
  }
  return grouped;
}

/** The same grouping as raw taps, each day's in time order (a replacement beside the tap it replaces). */
export function groupTapsByWorkDay(
  taps: readonly RawTap[],
  dayBoundaryMinute: number,
  openShiftHours: number = defaultPunchRule.openShiftHours,
): Map<LocalDate, RawTap[]> {
  const grouped = new Map<LocalDate, RawTap[]>();
  for (const [date, day] of groupTimedTapsByWorkDay(taps, dayBoundaryMinute, openShiftHours)) {
    const dayTaps: TimedTap[] = [...day.doors];
    for (const punch of day.punches) dayTaps.push(punch.first, ...punch.replacements);
    grouped.set(
      date,
      dayTaps.sort(compareTimedTaps).map((timed) => timed.tap),
    );
  }
  return grouped;
}

interface Carry {
  punches: EffectivePunch[];
  doors: TimedDoor[];
}

// Decided on each day's taps as they fall by the boundary; a carry only ever takes leading "out"
// punches, so what one day hands back never changes whether the next day ends with an open "in".
function findCarryFromNextDay(
  days: ReadonlyMap<LocalDate, WorkDayTaps>,
  date: LocalDate,
  openShiftHours: number,
): Carry | null {
  const last = days.get(date)?.punches.at(-1);
  const next = days.get(addDays(date, 1));
  if (last === undefined || last.punch !== "in" || next === undefined) return null;
  const windowEndMs = last.ms + openShiftHours * MS_PER_HOUR;
  const nextInMs = next.punches.find((punch) => punch.punch === "in")?.ms ?? Number.POSITIVE_INFINITY;
  const punches = next.punches.filter(
    (punch) => punch.punch === "out" && punch.ms < windowEndMs && punch.ms < nextInMs,
  );
  const clockOutMs = punches.at(-1)?.ms;
  if (clockOutMs === undefined) return null;
  const doors = next.doors.filter(
    (door) => door.ms < windowEndMs && door.ms - clockOutMs <= nextInMs - door.ms,
  );
  return { punches, doors };
}
