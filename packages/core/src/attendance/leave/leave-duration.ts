import type { LeaveUnit } from "./leave-types";

/** 7 h 45 min: the standard day, so 20 days = 155 h (勤務時間条例). */
export const standardLeaveDayMinutes = 465;

/** A leave amount as the forms show it: whole days, then hours and minutes of the rest. */
export interface LeaveDuration {
  days: number;
  hours: number;
  minutes: number;
}

/** How long one unit of leave is for this person: their scheduled day, and a half day where the town allows it. */
export interface LeaveUnitMinutes {
  minutesPerDay: number;
  /** null when the town has no half-day leave. */
  minutesPerHalfDay: number | null;
}

export interface LeaveAmount {
  unit: LeaveUnit;
  /** Whole units: days, half days or hours. */
  count: number;
}

export type LeaveAmountMinutes =
  | { ok: true; minutes: number }
  | { ok: false; error: "unit_not_allowed" | "not_whole_units" };

function requireDayMinutes(minutesPerDay: number): void {
  if (!Number.isInteger(minutesPerDay) || minutesPerDay <= 0) {
    throw new RangeError(`A leave day must be a positive whole number of minutes: ${minutesPerDay}`);
  }
}

/** Splits minutes into days of `minutesPerDay`, then hours and minutes of the rest. */
export function splitLeaveMinutes(minutes: number, minutesPerDay: number): LeaveDuration {
  requireDayMinutes(minutesPerDay);
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new RangeError(`Leave minutes must be a whole number of at least 0: ${minutes}`);
  }
  const days = Math.floor(minutes / minutesPerDay);
  const rest = minutes - days * minutesPerDay;
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 };
}

/** Whole days as minutes of this person's day. */
export function convertDaysToMinutes(days: number, minutesPerDay: number): number {
  requireDayMinutes(minutesPerDay);
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Leave days must be whole: ${days}`);
  return days * minutesPerDay;
}

/** Minutes a request takes from a balance; refused when the town has no such unit or the count is not whole. */
export function convertLeaveAmountToMinutes(
  amount: LeaveAmount,
  units: LeaveUnitMinutes,
): LeaveAmountMinutes {
  requireDayMinutes(units.minutesPerDay);
  if (!Number.isInteger(amount.count) || amount.count <= 0) return { ok: false, error: "not_whole_units" };
  if (amount.unit === "day") return { ok: true, minutes: amount.count * units.minutesPerDay };
  if (amount.unit === "hour") return { ok: true, minutes: amount.count * 60 };
  if (units.minutesPerHalfDay === null) return { ok: false, error: "unit_not_allowed" };
  return { ok: true, minutes: amount.count * units.minutesPerHalfDay };
}
