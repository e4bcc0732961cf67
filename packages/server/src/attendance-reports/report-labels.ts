import {
  dayOfWeek,
  formatWareki,
  formatWarekiMonth,
  type LocalDate,
  type OvertimeBucket,
  type OvertimeTier,
  toLocalDate,
} from "@tobira/core";
import type { MonthReport } from "./month-report";

/** The overtime buckets as the books head them: kind of day × day or night (22–5). */
export const overtimeBucketLabels: Record<OvertimeBucket, string> = {
  weekdayDay: "平日 昼",
  weekdayNight: "平日 夜(22–5)",
  restDayDay: "週休日 昼",
  restDayNight: "週休日 夜(22–5)",
  sundayDay: "日曜 昼",
  sundayNight: "日曜 夜(22–5)",
  holidayDay: "休日 昼",
  holidayNight: "休日 夜(22–5)",
};

export const overtimeTierLabels: Record<OvertimeTier, string> = {
  upTo60: "60時間まで",
  over60: "60時間超",
};

export const overtimeTiers = ["upTo60", "over60"] as const satisfies readonly OvertimeTier[];

const weekdayNames = ["日", "月", "火", "水", "木", "金", "土"] as const;

/** 曜日 of a date: 日 … 土. */
export function formatWeekday(date: LocalDate): string {
  return weekdayNames[dayOfWeek(date)] ?? "";
}

/** "10/6(火)": the books' short date; the heading carries the 和暦 month. */
export function formatShortDate(date: LocalDate): string {
  const [, month = "", day = ""] = date.split("-");
  return `${Number(month)}/${Number(day)}(${formatWeekday(date)})`;
}

/** Minutes as "H:MM" (165 → "2:45"); forms write durations this way. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${hours}:${String(minutes - hours * 60).padStart(2, "0")}`;
}

/** Like formatDuration, but blank for zero so a day's row shows only what happened. */
export function formatDurationOrBlank(minutes: number): string {
  return minutes === 0 ? "" : formatDuration(minutes);
}

/** The heading every book prints: 所属, the month and the printing date in 和暦. */
export interface BookHeading {
  departmentName: string;
  /** 令和8年10月 */
  monthLabel: string;
  /** 令和8年11月2日 */
  printedOn: string;
}

export function describeBookHeading(report: MonthReport): BookHeading {
  return {
    departmentName: report.department.name,
    monthLabel: formatWarekiMonth(report.month),
    printedOn: formatWareki(toLocalDate(report.printedAt)),
  };
}
