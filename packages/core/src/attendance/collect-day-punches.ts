import { isLocalDate, type LocalDate, toEpochDay } from "../calendar/index";
import {
  applyPunchCorrection,
  assertPunchCorrection,
  type PunchCorrection,
  type PunchOrigin,
  type SourcedPunch,
} from "./punch-correction";
import type { EffectivePunch } from "./punch-replacements";
import type { RawTap, TimedDoor } from "./punch-taps";
import { groupTimedTapsByWorkDay, type WorkDayTaps } from "./punch-work-days";
import type { MinuteRange, PunchSource } from "./work-rules";

export interface CollectDayPunchesOptions {
  dayBoundaryMinute: number;
  source: PunchSource;
  /** The approved correction for this date, if any. */
  correction?: PunchCorrection;
  /** How long a clock-in stays open for a night shift's clock-out (the terminal's rule, 16 h). */
  openShiftHours?: number;
}

/** One work day's 出勤, 退勤 and door presence, in minutes after the local midnight of `date`. */
export interface DayPunches {
  date: LocalDate;
  clockIn: number | null;
  clockOut: number | null;
  /** First and last granted door tap of the work day; refused taps are no presence. */
  presence: MinuteRange | null;
  /** Where each punch came from; "correction" also when a correction cleared it. */
  source: { clockIn: PunchOrigin | null; clockOut: PunchOrigin | null };
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
// Japan has kept UTC+09:00 without daylight saving time since 1952.
const TOKYO_OFFSET_MS = 9 * 60 * MS_PER_MINUTE;

/**
 * The punches of one work day from a person's raw taps. Pass the taps of the days around it too (a
 * night shift's clock-out lies in the next work day). Throws RangeError for malformed input only.
 */
export function collectDayPunches(
  taps: readonly RawTap[],
  date: LocalDate,
  options: CollectDayPunchesOptions,
): DayPunches {
  return collectGroupedDayPunches(
    groupTimedTapsByWorkDay(taps, options.dayBoundaryMinute, options.openShiftHours),
    date,
    options,
  );
}

/**
 * The same from taps already grouped into work days (`groupTimedTapsByWorkDay` with the same boundary and
 * open-shift hours), so a month groups a person's taps once instead of once per day.
 */
export function collectGroupedDayPunches(
  workDays: ReadonlyMap<LocalDate, WorkDayTaps>,
  date: LocalDate,
  options: CollectDayPunchesOptions,
): DayPunches {
  if (!isLocalDate(date)) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${JSON.stringify(date)}`);
  if (options.correction !== undefined) assertPunchCorrection(options.correction, date);
  const day = workDays.get(date);
  const midnightMs = toEpochDay(date) * MS_PER_DAY - TOKYO_OFFSET_MS;
  const toMinute = (ms: number): number => Math.floor((ms - midnightMs) / MS_PER_MINUTE);

  const terminal = readTerminalPunches(day?.punches ?? []);
  const presence = readPresence(day?.doors ?? [], toMinute);
  let clockIn: SourcedPunch = sourcePunch(terminal.clockInMs === null ? null : toMinute(terminal.clockInMs));
  let clockOut: SourcedPunch = sourcePunch(
    terminal.clockOutMs === null ? null : toMinute(terminal.clockOutMs),
  );
  if (options.source === "terminalAndDoors" && presence !== null) {
    if (clockIn.minute === null && (clockOut.minute === null || presence.start < clockOut.minute)) {
      clockIn = { minute: presence.start, source: "door" };
    }
    if (clockOut.minute === null && (clockIn.minute === null || presence.end > clockIn.minute)) {
      clockOut = { minute: presence.end, source: "door" };
    }
  }
  if (options.correction !== undefined) {
    ({ clockIn, clockOut } = applyPunchCorrection(clockIn, clockOut, options.correction));
  }
  return {
    date,
    clockIn: clockIn.minute,
    clockOut: clockOut.minute,
    presence,
    source: { clockIn: clockIn.source, clockOut: clockOut.source },
  };
}

// The earliest "in" and the latest "out" after it: an "out" before any "in" cannot close the day, so
// it is left for a correction rather than giving a day that ends before it begins.
function readTerminalPunches(punches: readonly EffectivePunch[]): {
  clockInMs: number | null;
  clockOutMs: number | null;
} {
  const clockInMs = punches.find((punch) => punch.punch === "in")?.ms ?? null;
  const outs = punches.filter(
    (punch) => punch.punch === "out" && (clockInMs === null || punch.ms >= clockInMs),
  );
  return { clockInMs, clockOutMs: outs.at(-1)?.ms ?? null };
}

function readPresence(doors: readonly TimedDoor[], toMinute: (ms: number) => number): MinuteRange | null {
  const granted = doors.filter((door) => door.granted);
  const first = granted[0];
  const last = granted.at(-1);
  if (first === undefined || last === undefined) return null;
  return { start: toMinute(first.ms), end: toMinute(last.ms) };
}

function sourcePunch(minute: number | null): SourcedPunch {
  return minute === null ? { minute: null, source: null } : { minute, source: "terminal" };
}
