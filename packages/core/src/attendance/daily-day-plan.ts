import type { DayFacts } from "./daily-record-types";
import { normalizeRanges, subtractRanges } from "./minute-ranges";
import type { MinuteRange } from "./work-rules";

/** Which family of overtime buckets a day's ordered time falls in. */
export type OvertimeDayKind = "weekday" | "restDay" | "sunday" | "holiday";

/** How a day treats its schedule, read from the calendar's kind of day and the holiday-work order. */
export interface DayPlan {
  /** Start to end of a schedule whose time is never overtime; null when the day has none in effect. */
  scheduleSpan: MinuteRange | null;
  breaks: MinuteRange[];
  /** Scheduled minutes the day owes (breaks excluded): a workday's, or a swapped 週休日's. */
  owed: MinuteRange[];
  /** Scheduled minutes that count as work when worked: owed ones, or a 休日's under a holiday-work order. */
  authorised: MinuteRange[];
  overtimeKind: OvertimeDayKind;
}

/*
 * Readings where the facts leave room:
 * - A 週休日 worked under "restDaySwap" became a workday (週休日の振替): the caller puts the moved schedule in
 *   `scheduled`; it is owed, time inside it is ordinary work, ordered time beyond it is weekday overtime.
 * - Any other day without a schedule in effect (週休日, the person's own rest weekday, a 休日 on which the
 *   person has no schedule) buckets its ordered time as restDay, or sunday when the date is a Sunday: the
 *   legal rest day keeps its own bucket, and a 休日 on a rest day is treated as the rest day, as the calendar does.
 * - On a 休日 the scheduled hours are 休日勤務, authorised only by the holiday-work order, never by an
 *   overtime order; ordered time beyond them is holiday overtime.
 */
export function planDay(facts: DayFacts): DayPlan {
  const restDayKind: OvertimeDayKind = facts.sunday ? "sunday" : "restDay";
  const scheduled = facts.scheduled;
  if (scheduled === null) {
    return { scheduleSpan: null, breaks: [], owed: [], authorised: [], overtimeKind: restDayKind };
  }
  const scheduleSpan = { start: scheduled.start, end: scheduled.end };
  const breaks = normalizeRanges(scheduled.breaks);
  const hours = subtractRanges([scheduleSpan], breaks);
  if (
    facts.dayKind === "workday" ||
    (facts.dayKind === "weeklyRest" && facts.holidayWork === "restDaySwap")
  ) {
    return { scheduleSpan, breaks, owed: hours, authorised: hours, overtimeKind: "weekday" };
  }
  if (facts.dayKind === "holiday") {
    const authorised = facts.holidayWork === null ? [] : hours;
    return { scheduleSpan, breaks, owed: [], authorised, overtimeKind: "holiday" };
  }
  return { scheduleSpan: null, breaks, owed: [], authorised: [], overtimeKind: restDayKind };
}
