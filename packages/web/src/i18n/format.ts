import type { Language } from "./i18n";

const tokyoDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today in Asia/Tokyo as YYYY-MM-DD, whatever zone the browser is in. */
export function todayInTokyo(now: Date = new Date()): string {
  return tokyoDate.format(now);
}

/** A YYYY-MM-DD local date for reading: 2026年4月1日 or 1 Apr 2026. */
export function formatLocalDate(date: string | null, language: Language): string {
  if (date === null || date === "") return "—";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return date;
  const [, year, month, day] = match;
  if (language === "ja") return `${year}年${Number(month)}月${Number(day)}日`;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${Number(day)} ${months[Number(month) - 1] ?? month} ${year}`;
}

/** A UTC instant shown in Tokyo time. */
export function formatInstant(instant: string, language: Language): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(language === "ja" ? "ja-JP" : "en-GB", {
    timeZone: "Asia/Tokyo",
    dateStyle: "medium",
    timeStyle: "medium",
  }).format(date);
}

export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(language === "ja" ? "ja-JP" : "en-GB").format(count);
}
