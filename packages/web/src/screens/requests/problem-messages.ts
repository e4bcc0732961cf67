import type { RequestProblemCode } from "@tobira/protocol";
import { employmentTypes, type RequestProblemDto } from "@tobira/protocol";
import type { Language, MessageParams, Translate } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";
import { employmentTypeKey } from "../../i18n/labels";
import { formatMonth } from "../attendance/month-days";
import { formatClock } from "../attendance/work-time";
import { type RequestKind, statusKey } from "./request-labels";

/** 125 → "2時間5分" / "2 h 5 min": durations as the messages say them. */
export function formatHours(minutes: number, language: Language): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (language === "ja") {
    if (hours === 0) return `${rest}分`;
    return rest === 0 ? `${hours}時間` : `${hours}時間${rest}分`;
  }
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

interface Context {
  kind: RequestKind;
  field: string;
  params: Record<string, string | number>;
  t: Translate;
  language: Language;
}

interface Wording {
  key: MessageKey;
  params?: MessageParams;
}

const number = (value: string | number | undefined): number | null => {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return null;
};

/** Minutes as hours, or the placeholder left as is so the caller falls back to the English message. */
function hours(context: Context, name: string): string {
  const value = number(context.params[name]);
  return value === null ? `{${name}}` : formatHours(value, context.language);
}

function clock(context: Context, name: string): string {
  const value = number(context.params[name]);
  return value === null ? `{${name}}` : formatClock(value);
}

function capWording(context: Context): Wording {
  const common = {
    minutes: hours(context, "minutes"),
    limit: hours(context, "limitMinutes"),
    excess: hours(context, "excessMinutes"),
  };
  switch (context.params.cap) {
    case "month":
      return context.params.section === "ordinary"
        ? { key: "requestProblem.cap_exceeded.month", params: common }
        : { key: "requestProblem.cap_exceeded.monthExternal", params: common };
    case "year":
      return { key: "requestProblem.cap_exceeded.year", params: common };
    case "average": {
      const windowMonths = number(context.params.windowMonths);
      const limit = number(context.params.limitMinutes);
      const average =
        windowMonths === null || limit === null || windowMonths === 0
          ? "{average}"
          : formatHours(limit / windowMonths, context.language);
      return {
        key: "requestProblem.cap_exceeded.average",
        params: { ...context.params, ...common, average },
      };
    }
    case "monthsOver45":
      return { key: "requestProblem.cap_exceeded.monthsOver45", params: context.params };
    default:
      return { key: "requestProblem.cap_exceeded.other", params: common };
  }
}

function leaveUnitLabel(context: Context): string {
  const unit = context.params.unit;
  if (unit === "day" || unit === "halfDay" || unit === "hour") return context.t(`request.unit.${unit}`);
  return String(unit ?? "");
}

function employmentLabel(context: Context): string {
  const type = employmentTypes.find((candidate) => candidate === context.params.employmentType);
  return type === undefined
    ? String(context.params.employmentType ?? "")
    : context.t(employmentTypeKey(type));
}

function statusLabel(context: Context): string {
  const status = context.params.status;
  const key = typeof status === "string" ? statusKey(status) : null;
  return key === null ? String(status ?? "") : context.t(key);
}

/** For every code core reports, the wording on the screen; params are turned into readable values first. */
const wordings: Record<RequestProblemCode, (context: Context) => Wording> = {
  month_closed: (c) => ({
    key: "requestProblem.month_closed",
    params: {
      month: typeof c.params.month === "string" ? formatMonth(c.params.month, c.language) : "{month}",
    },
  }),
  duplicate_request: (c) => ({ key: "requestProblem.duplicate_request", params: c.params }),
  reason_required: (c) => ({
    key:
      c.kind === "overtimeOrder" || c.kind === "overtimeResult"
        ? "requestProblem.reason_required.work"
        : "requestProblem.reason_required",
  }),
  not_a_minute: () => ({ key: "requestProblem.not_a_minute" }),
  end_before_start: (c) =>
    c.field === "to"
      ? { key: "requestProblem.end_before_start.days" }
      : {
          key: "requestProblem.end_before_start",
          params: { start: clock(c, "start"), end: clock(c, "end") },
        },
  order_unit: (c) => ({ key: "requestProblem.order_unit", params: c.params }),
  overlaps_schedule: (c) => ({
    key: "requestProblem.overlaps_schedule",
    params: { start: clock(c, "scheduledStart"), end: clock(c, "scheduledEnd") },
  }),
  overlaps_request: (c) => ({ key: "requestProblem.overlaps_request", params: c.params }),
  cap_exceeded: capWording,
  order_not_found: (c) => ({ key: "requestProblem.order_not_found", params: c.params }),
  order_not_approved: (c) => ({
    key: "requestProblem.order_not_approved",
    params: { ...c.params, status: statusLabel(c) },
  }),
  outside_order_day: (c) => ({ key: "requestProblem.outside_order_day", params: c.params }),
  future_date: () => ({ key: "requestProblem.future_date" }),
  not_a_rest_day: () => ({ key: "requestProblem.not_a_rest_day" }),
  swap_not_weekly_rest: () => ({ key: "requestProblem.swap_not_weekly_rest" }),
  compensatory_day_not_holiday: () => ({ key: "requestProblem.compensatory_day_not_holiday" }),
  outside_swap_window: (c) => ({ key: "requestProblem.outside_swap_window", params: c.params }),
  outside_compensatory_day_window: (c) => ({
    key: "requestProblem.outside_compensatory_day_window",
    params: c.params,
  }),
  not_a_work_day: (c) => {
    if (c.field === "compensation.date") return { key: "requestProblem.not_a_work_day.compensation" };
    if (c.kind === "overtimeOrder" || c.kind === "overtimeResult")
      return { key: "requestProblem.not_a_work_day.overtime" };
    return { key: "requestProblem.not_a_work_day" };
  },
  compensation_day_taken: (c) => ({ key: "requestProblem.compensation_day_taken", params: c.params }),
  too_few_rest_days: (c) => ({ key: "requestProblem.too_few_rest_days", params: c.params }),
  unknown_leave_type: () => ({ key: "requestProblem.unknown_leave_type" }),
  unit_not_allowed: (c) => ({ key: "requestProblem.unit_not_allowed", params: { unit: leaveUnitLabel(c) } }),
  times_required: () => ({ key: "requestProblem.times_required" }),
  outside_schedule: (c) => ({
    key: "requestProblem.outside_schedule",
    params: { start: clock(c, "scheduledStart"), end: clock(c, "scheduledEnd") },
  }),
  hour_unit: (c) => ({ key: "requestProblem.hour_unit", params: { minutes: hours(c, "minutes") } }),
  half_day_length: () => ({ key: "requestProblem.half_day_length" }),
  evidence_missing: () => ({ key: "requestProblem.evidence_missing" }),
  insufficient_balance: (c) => ({
    key: "requestProblem.insufficient_balance",
    params: { requested: hours(c, "requestedMinutes"), remaining: hours(c, "remainingMinutes") },
  }),
  no_balance: () => ({ key: "requestProblem.no_balance" }),
  not_eligible: (c) => ({
    key: "requestProblem.not_eligible",
    params: { employmentType: employmentLabel(c) },
  }),
  outside_window: (c) => ({ key: "requestProblem.outside_window", params: c.params }),
  event_missing: () => ({ key: "requestProblem.event_missing" }),
  relation_not_covered: () => ({ key: "requestProblem.relation_not_covered" }),
  dependants_missing: () => ({ key: "requestProblem.dependants_missing" }),
  over_event_limit: (c) => ({
    key: "requestProblem.over_event_limit",
    params: {
      limitDays: c.params.limitDays ?? "{limitDays}",
      taken: hours(c, "takenMinutes"),
      remaining: hours(c, "remainingMinutes"),
      requested: hours(c, "requestedMinutes"),
    },
  }),
  over_year_limit: (c) => ({
    key: "requestProblem.over_year_limit",
    params: {
      limitDays: c.params.limitDays ?? "{limitDays}",
      taken: hours(c, "takenMinutes"),
      remaining: hours(c, "remainingMinutes"),
      requested: hours(c, "requestedMinutes"),
    },
  }),
  over_consecutive_limit: (c) => ({ key: "requestProblem.over_consecutive_limit", params: c.params }),
  nothing_to_correct: () => ({ key: "requestProblem.nothing_to_correct" }),
  clock_out_before_clock_in: (c) => ({
    key: "requestProblem.clock_out_before_clock_in",
    params: { clockIn: clock(c, "clockIn"), clockOut: clock(c, "clockOut") },
  }),
  not_a_month: () => ({ key: "requestProblem.not_a_month" }),
  no_hours_beyond_60: () => ({ key: "requestProblem.no_hours_beyond_60" }),
  outside_compensatory_time_window: (c) => ({
    key: "requestProblem.outside_compensatory_time_window",
    params: c.params,
  }),
  compensatory_time_unit: (c) => ({
    key: "requestProblem.compensatory_time_unit",
    params: { minutes: hours(c, "minutes"), day: hours(c, "dayMinutes") },
  }),
  insufficient_compensatory_time: (c) => ({
    key: "requestProblem.insufficient_compensatory_time",
    params: {
      available: hours(c, "availableMinutes"),
      used: hours(c, "usedMinutes"),
      requested: hours(c, "requestedMinutes"),
    },
  }),
};

function isProblemCode(code: string): code is RequestProblemCode {
  return Object.hasOwn(wordings, code);
}

/**
 * A problem from the server in the reader's language, chosen by its code with its numbers filled in.
 * An unknown code, or a wording whose numbers did not come, falls back to the server's English message.
 */
export function describeProblem(
  problem: RequestProblemDto,
  kind: RequestKind,
  t: Translate,
  language: Language,
): string {
  if (!isProblemCode(problem.code)) return problem.message;
  const wording = wordings[problem.code]({
    kind,
    field: problem.field,
    params: problem.params ?? {},
    t,
    language,
  });
  const text = t(wording.key, wording.params);
  return /\{\w+\}/.test(text) ? problem.message : text;
}
