/*
 * What validation at entry reports: every problem at once, each on the field to fix, with a stable code
 * the screen translates and the numbers it needs, and an English message for logs and the API.
 */

export type RequestProblemCode =
  | "month_closed"
  | "duplicate_request"
  | "reason_required"
  | "not_a_minute"
  | "end_before_start"
  | "order_unit"
  | "overlaps_schedule"
  | "overlaps_request"
  | "cap_exceeded"
  | "order_not_found"
  | "order_not_approved"
  | "outside_order_day"
  | "future_date"
  | "not_a_rest_day"
  | "swap_not_weekly_rest"
  | "compensatory_day_not_holiday"
  | "outside_swap_window"
  | "outside_compensatory_day_window"
  | "not_a_work_day"
  | "compensation_day_taken"
  | "too_few_rest_days"
  | "unknown_leave_type"
  | "unit_not_allowed"
  | "times_required"
  | "outside_schedule"
  | "hour_unit"
  | "half_day_length"
  | "evidence_missing"
  | "insufficient_balance"
  | "no_balance"
  | "not_eligible"
  | "outside_window"
  | "event_missing"
  | "relation_not_covered"
  | "dependants_missing"
  | "over_event_limit"
  | "over_year_limit"
  | "over_consecutive_limit"
  | "nothing_to_correct"
  | "clock_out_before_clock_in"
  | "not_a_month"
  | "no_hours_beyond_60"
  | "outside_compensatory_time_window"
  | "compensatory_time_unit"
  | "insufficient_compensatory_time";

export interface RequestProblem {
  /** The payload field to fix ("date", "end", "compensation.date" …). */
  field: string;
  code: RequestProblemCode;
  message: string;
  /** Numbers and names the screen puts into its own wording. */
  params?: Record<string, string | number>;
}

export function createProblem(
  field: string,
  code: RequestProblemCode,
  message: string,
  params?: Record<string, string | number>,
): RequestProblem {
  return params === undefined ? { field, code, message } : { field, code, message, params };
}

/** 1035 → "17:15"; 1500 → "25:00" (the next morning, as a work day writes it). */
export function formatMinuteOfDay(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, "0")}:${String(minute - hours * 60).padStart(2, "0")}`;
}

/** 125 → "2 h 5 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes - hours * 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
