import type { AttendanceDayDto } from "@tobira/protocol";
import { todayInTokyo } from "../../i18n/format";
import type { MessageKey } from "../../i18n/ja";
import { formatDuration } from "./work-time";

/** Months, days and minutes as the monthly screens show them. */

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string | null): text is string {
  return text !== null && monthPattern.test(text);
}

/** This month in Asia/Tokyo, YYYY-MM, whatever zone the browser is in. */
export function currentMonthInTokyo(now: Date = new Date()): string {
  return todayInTokyo(now).slice(0, 7);
}

/** The month `delta` months away: ("2026-01", -1) → "2025-12". */
export function shiftMonth(month: string, delta: number): string {
  const match = monthPattern.exec(month);
  if (match === null) throw new Error(`not a month: ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** 0 for Sunday … 6 for Saturday, computed on the calendar date alone (no time zone involved). */
export function weekdayOf(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).getUTCDay();
}

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const weekdayShortKeys: readonly MessageKey[] = [
  "weekday.short.0",
  "weekday.short.1",
  "weekday.short.2",
  "weekday.short.3",
  "weekday.short.4",
  "weekday.short.5",
  "weekday.short.6",
];

/** 月, 火 … for the date's weekday. */
export function weekdayShortKey(date: string): MessageKey {
  return weekdayShortKeys[weekdayOf(date)] ?? "weekday.short.0";
}

/** "2026-10" → 2026年10月 or October 2026. */
export function formatMonth(month: string, language: "ja" | "en"): string {
  const match = monthPattern.exec(month);
  if (match === null) return month;
  const [, year, number] = match;
  if (language === "ja") return `${year}年${Number(number)}月`;
  return `${monthNames[Number(number) - 1] ?? number} ${year}`;
}

/** Minutes as H:MM for a table cell; an empty cell for none, so that the figures that matter stand out. */
export function formatMinutesCell(minutes: number): string {
  return minutes === 0 ? "" : formatDuration(minutes);
}

export function dayKindKey(kind: AttendanceDayDto["dayKind"]): MessageKey {
  return `month.dayKind.${kind}`;
}

/** The day of the month shown in the first column: "2026-10-05" → 5. */
export function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

/** The dates of a month, "2026-02" → 2026-02-01 … 2026-02-28. */
export function datesOfMonth(month: string): string[] {
  const [year, number] = month.split("-").map(Number);
  const days = new Date(Date.UTC(year ?? 0, number ?? 1, 0)).getUTCDate();
  return Array.from({ length: days }, (_, index) => `${month}-${String(index + 1).padStart(2, "0")}`);
}
