import {
  type CalendarDay,
  classifyDay,
  type DayKind,
  FIRST_HOLIDAY_YEAR,
  fromEpochDay,
  LAST_HOLIDAY_YEAR,
  type LocalDate,
  type TownDay,
  toEpochDay,
} from "../calendar/index";

/** Where an instant falls in Japan: the date, the minute after midnight and the kind of day. */
export interface LocalMoment {
  epochMs: number;
  date: LocalDate;
  /** 0–1439: whole minutes after local midnight, so [start, end) windows in minutes compare exactly. */
  minute: number;
  dayKind: DayKind;
}

/**
 * The town's days, each date classified once when first asked for and remembered by its day number
 * (like the national holidays per year: the answer depends only on the date and the town's days), so
 * deciding a tap does not classify its date again.
 */
export interface DayCalendar {
  townDays: readonly TownDay[];
  days: Map<number, CalendarDay>;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
// Japan has kept UTC+09:00 without daylight saving time since 1952.
const TOKYO_OFFSET_MS = 9 * 60 * MS_PER_MINUTE;
// 400 Gregorian years are exactly 146,097 days; shifting by them keeps Date.UTC off its 1900–1999
// reading of two-digit years.
const GREGORIAN_CYCLE_YEARS = 400;
const GREGORIAN_CYCLE_DAYS = 146_097;
const FIRST_EPOCH_DAY = toEpochDay(`${FIRST_HOLIDAY_YEAR}-01-01`);
const LAST_EPOCH_DAY = toEpochDay(`${LAST_HOLIDAY_YEAR}-12-31`);

function countDaysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Each part is -1 when it was not written in digits.
function isValidDateTime(
  year: number,
  month: number,
  day: number,
  hours: number,
  minutes: number,
  seconds: number,
): boolean {
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > countDaysInMonth(year, month)) return false;
  return hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59 && seconds >= 0 && seconds <= 59;
}

const ZERO = 48;

/** The number written by `count` ASCII digits from `start`, or -1 when any is not a digit. */
function readDigits(value: string, start: number, count: number): number {
  let number = 0;
  for (let position = start; position < start + count; position += 1) {
    const digit = value.charCodeAt(position) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/** Minutes east of UTC written from `start` to the end: Z, ±HH, ±HHMM or ±HH:MM; null otherwise. */
function readOffsetMinutes(value: string, start: number): number | null {
  const sign = value[start];
  const rest = value.length - start;
  if (sign === "Z" || sign === "z") return rest === 1 ? 0 : null;
  if ((sign !== "+" && sign !== "-") || (rest !== 3 && rest !== 5 && rest !== 6)) return null;
  if (rest === 6 && value[start + 3] !== ":") return null;
  const hours = readDigits(value, start + 1, 2);
  const minutes = rest === 3 ? 0 : readDigits(value, value.length - 2, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return null;
  return (sign === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Milliseconds since the epoch of an ISO 8601 instant with an explicit offset, as the calendar's
 * toLocalDate reads them ('2026-09-24T10:00:00+09:00', '2026-09-24T01:00:00.000Z', seconds and
 * fraction optional); null when it is not one. Read by hand because every tap goes through here.
 */
export function parseInstantMs(value: string): number | null {
  if (value.length < 17 || value[4] !== "-" || value[7] !== "-" || value[13] !== ":") return null;
  const separator = value[10];
  if (separator !== "T" && separator !== "t" && separator !== " ") return null;
  const year = readDigits(value, 0, 4);
  const month = readDigits(value, 5, 2);
  const day = readDigits(value, 8, 2);
  const hours = readDigits(value, 11, 2);
  const minutes = readDigits(value, 14, 2);
  let position = 16;
  let seconds = 0;
  if (value[position] === ":") {
    seconds = readDigits(value, position + 1, 2);
    position += 3;
  }
  let milliseconds = 0;
  if (value[position] === ".") {
    const fractionStart = position + 1;
    let fractionEnd = fractionStart;
    while (fractionEnd - fractionStart < 9 && readDigits(value, fractionEnd, 1) >= 0) fractionEnd += 1;
    if (fractionEnd === fractionStart) return null;
    // Only milliseconds count: '.5' is 500 ms, '.123456' is 123 ms.
    const kept = Math.min(fractionEnd - fractionStart, 3);
    milliseconds = readDigits(value, fractionStart, kept) * 10 ** (3 - kept);
    position = fractionEnd;
  }
  const offsetMinutes = readOffsetMinutes(value, position);
  if (offsetMinutes === null || !isValidDateTime(year, month, day, hours, minutes, seconds)) return null;
  const epochDay = Date.UTC(year + GREGORIAN_CYCLE_YEARS, month - 1, day) / MS_PER_DAY - GREGORIAN_CYCLE_DAYS;
  const minutesOfDay = hours * 60 + minutes - offsetMinutes;
  return epochDay * MS_PER_DAY + minutesOfDay * MS_PER_MINUTE + seconds * 1000 + milliseconds;
}

export function createDayCalendar(townDays: readonly TownDay[]): DayCalendar {
  return { townDays, days: new Map() };
}

function findCalendarDay(calendar: DayCalendar, epochDay: number): CalendarDay {
  const known = calendar.days.get(epochDay);
  if (known !== undefined) return known;
  const date = fromEpochDay(epochDay);
  const day = { date, ...classifyDay(date, calendar.townDays) };
  calendar.days.set(epochDay, day);
  return day;
}

/**
 * The moment in Asia/Tokyo of an instant, with its day classified by the calendar; null when `at` is not
 * an instant with an offset or falls outside the years whose national holidays are known (1980–2099).
 */
export function readLocalMomentIn(at: string, calendar: DayCalendar): LocalMoment | null {
  const epochMs = parseInstantMs(at);
  if (epochMs === null) return null;
  const localMs = epochMs + TOKYO_OFFSET_MS;
  const epochDay = Math.floor(localMs / MS_PER_DAY);
  if (epochDay < FIRST_EPOCH_DAY || epochDay > LAST_EPOCH_DAY) return null;
  const minute = Math.floor((localMs - epochDay * MS_PER_DAY) / MS_PER_MINUTE);
  const day = findCalendarDay(calendar, epochDay);
  return { epochMs, date: day.date, minute, dayKind: day.kind };
}

/** readLocalMomentIn for a single instant, classifying its date on the spot. */
export function readLocalMoment(at: string, townDays: readonly TownDay[]): LocalMoment | null {
  return readLocalMomentIn(at, createDayCalendar(townDays));
}
