/** A calendar date in Japan, written 'YYYY-MM-DD'. */
export type LocalDate = string;

export type LocalDateParts = { year: number; month: number; day: number };

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
// Japan has kept UTC+09:00 without daylight saving time since 1952.
const TOKYO_OFFSET_MS = 9 * 60 * MS_PER_MINUTE;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function countDaysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 0 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= countDaysInMonth(year, month)
  );
}

/** Splits a 'YYYY-MM-DD' string into numbers; null when it is not a real calendar date. */
export function parseLocalDate(value: string): LocalDateParts | null {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === "string" && parseLocalDate(value) !== null;
}

function padNumber(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** Writes a date as 'YYYY-MM-DD'; throws RangeError when the parts are not a real date. */
export function formatLocalDate(parts: LocalDateParts): LocalDate {
  const { year, month, day } = parts;
  if (!isValidDate(year, month, day)) {
    throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  }
  return `${padNumber(year, 4)}-${padNumber(month, 2)}-${padNumber(day, 2)}`;
}

function requireParts(date: LocalDate): LocalDateParts {
  const parts = parseLocalDate(date);
  if (parts === null) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${JSON.stringify(date)}`);
  return parts;
}

// Proleptic Gregorian day counts after Howard Hinnant's days_from_civil / civil_from_days.
function countDaysFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function convertDaysToCivil(epochDay: number): LocalDateParts {
  const shifted = epochDay + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Days since 1970-01-01. */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = requireParts(date);
  return countDaysFromCivil(year, month, day);
}

export function fromEpochDay(epochDay: number): LocalDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`Not a whole day count: ${epochDay}`);
  return formatLocalDate(convertDaysToCivil(epochDay));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  // 1970-01-01 was a Thursday.
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  const difference = toEpochDay(a) - toEpochDay(b);
  if (difference === 0) return 0;
  return difference < 0 ? -1 : 1;
}

/** Whole days from `from` to `to`: negative when `to` comes first. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Every date from `from` to `to`, both included; nothing when `to` comes first. */
export function* iterateLocalDates(from: LocalDate, to: LocalDate): Generator<LocalDate> {
  const last = toEpochDay(to);
  for (let epochDay = toEpochDay(from); epochDay <= last; epochDay += 1) {
    yield fromEpochDay(epochDay);
  }
}

function parseOffsetMinutes(offset: string): number {
  if (offset === "Z" || offset === "z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

// Reads the instant from its written offset so the host's time zone never enters the result.
function parseInstantMs(instant: string): number {
  const match = INSTANT_PATTERN.exec(instant);
  if (match === null) return Number.NaN;
  const parts = parseLocalDate(match[1] ?? "");
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  const seconds = Number(match[4] ?? "0");
  const milliseconds = Number((match[5] ?? "").padEnd(3, "0").slice(0, 3));
  const offsetMinutes = parseOffsetMinutes(match[6] ?? "");
  if (parts === null || hours > 23 || minutes > 59 || seconds > 59) return Number.NaN;
  const epochDay = countDaysFromCivil(parts.year, parts.month, parts.day);
  const minutesOfDay = hours * 60 + minutes - offsetMinutes;
  return epochDay * MS_PER_DAY + minutesOfDay * MS_PER_MINUTE + seconds * 1000 + milliseconds;
}

/**
 * The date in Japan at an instant. Strings must be ISO 8601 with an explicit offset
 * ('2026-04-01T00:00:00Z', '2026-04-01T09:00:00+09:00'); throws RangeError otherwise.
 */
export function toLocalDate(instant: Date | string, timeZone: "Asia/Tokyo" = "Asia/Tokyo"): LocalDate {
  const epochMs = typeof instant === "string" ? parseInstantMs(instant) : instant.getTime();
  if (!Number.isFinite(epochMs)) {
    throw new RangeError(`Not an instant with an offset: ${String(instant)} (${timeZone})`);
  }
  return fromEpochDay(Math.floor((epochMs + TOKYO_OFFSET_MS) / MS_PER_DAY));
}
