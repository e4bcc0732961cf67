import type { AttendanceDayDto } from "@tobira/protocol";

export interface MonthGlance {
  /** Days with a clock-in or worked minutes. */
  workedDays: number;
  workedMinutes: number;
  overtimeMinutes: number;
  leaveMinutes: number;
  /** Days the attendance check flags (a missing punch, overtime without an order, a gap). */
  daysToCheck: number;
}

/** My month in a few numbers for the portal. */
type GlancedDay = Pick<
  AttendanceDayDto,
  "clockIn" | "workedMinutes" | "overtimeMinutes" | "leaveMinutes" | "problems"
>;

export function glanceAtMonth(month: { days: readonly GlancedDay[] }): MonthGlance {
  let glance: MonthGlance = {
    workedDays: 0,
    workedMinutes: 0,
    overtimeMinutes: 0,
    leaveMinutes: 0,
    daysToCheck: 0,
  };
  for (const day of month.days) {
    glance = {
      workedDays: glance.workedDays + (day.clockIn !== null || day.workedMinutes > 0 ? 1 : 0),
      workedMinutes: glance.workedMinutes + day.workedMinutes,
      overtimeMinutes: glance.overtimeMinutes + day.overtimeMinutes,
      leaveMinutes: glance.leaveMinutes + day.leaveMinutes,
      daysToCheck: glance.daysToCheck + (day.problems.length > 0 ? 1 : 0),
    };
  }
  return glance;
}

function toUtcDay(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / 86_400_000;
}

function fromUtcDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `date` moved by whole days: ("2026-03-01", -1) → "2026-02-28". */
export function addDays(date: string, days: number): string {
  return fromUtcDay(toUtcDay(date) + days);
}

/** The last `days` days up to and including `today`. */
export function lastDays(today: string, days: number): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** Whole days from `today` until the instant or date `validTo` (in Tokyo), negative once past; null when unknown. */
export function daysUntil(validTo: string | null, today: string): number | null {
  if (validTo === null) return null;
  const instant = new Date(validTo);
  if (Number.isNaN(instant.getTime())) return null;
  const tokyoDate = new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
  return toUtcDay(tokyoDate) - toUtcDay(today);
}

/** Renewal warnings start 90 days before a certificate ends. */
export const certificateWarningDays = 90;

export function certificateNeedsRenewal(daysLeft: number | null, expiresSoon: boolean): boolean {
  return expiresSoon || (daysLeft !== null && daysLeft <= certificateWarningDays);
}

/** 年休の残り as the person's days, hours and minutes: "12日3時間" / "12 days 3 h". */
export function formatLeaveRemaining(
  remaining: { days: number; hours: number; minutes: number },
  language: "ja" | "en",
): string {
  const { days, hours, minutes } = remaining;
  if (language === "ja") {
    return `${days}日${hours > 0 ? `${hours}時間` : ""}${minutes > 0 ? `${minutes}分` : ""}`;
  }
  const parts = [`${days} ${days === 1 ? "day" : "days"}`];
  if (hours > 0) parts.push(`${hours} h`);
  if (minutes > 0) parts.push(`${minutes} min`);
  return parts.join(" ");
}
