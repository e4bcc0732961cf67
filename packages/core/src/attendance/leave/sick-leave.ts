import { compareLocalDates, daysBetween, type LocalDate } from "../../calendar/index";
import type { LeaveType } from "./leave-types";

/** A spell of leave, both days included. */
export interface LeaveSpan {
  from: LocalDate;
  to: LocalDate;
}

export type SickLeaveCheck =
  | { ok: true; consecutiveDays: number }
  | { ok: false; reason: "over_consecutive_limit"; consecutiveDays: number; limitDays: number };

function countSpanDays(span: LeaveSpan): number {
  return daysBetween(span.from, span.to) + 1;
}

/**
 * Calendar days (週休日 and 休日 included) of the run of spells the requested one belongs to: spells that
 * touch, overlap or lie within `joinGapDays` of each other form one run; days covered twice count once.
 */
export function countConsecutiveLeaveDays(
  request: LeaveSpan,
  history: readonly LeaveSpan[],
  joinGapDays: number,
): number {
  for (const span of [request, ...history]) {
    if (compareLocalDates(span.to, span.from) < 0) {
      throw new RangeError(`A leave span ends on or after its start: ${span.from}–${span.to}`);
    }
  }
  const spans = [request, ...history].sort((a, b) => compareLocalDates(a.from, b.from));
  let runEnd: LocalDate | null = null;
  let runDays = 0;
  let holdsRequest = false;
  for (const span of spans) {
    const joins = runEnd !== null && daysBetween(runEnd, span.from) - 1 <= joinGapDays;
    if (!joins) {
      if (holdsRequest) return runDays;
      runEnd = span.to;
      runDays = countSpanDays(span);
    } else if (runEnd !== null && compareLocalDates(span.to, runEnd) > 0) {
      const overlapStart = compareLocalDates(span.from, runEnd) > 0 ? span.from : runEnd;
      runDays += countSpanDays({ from: overlapStart, to: span.to }) - (overlapStart === runEnd ? 1 : 0);
      runEnd = span.to;
    }
    if (span === request) holdsRequest = true;
  }
  return runDays;
}

/** 病気休暇: refused when the run of consecutive sick days it makes goes beyond the type's limit (90). */
export function checkSickLeave(
  type: LeaveType,
  request: LeaveSpan,
  history: readonly LeaveSpan[],
): SickLeaveCheck {
  if (type.limit.kind !== "consecutiveDays") {
    throw new RangeError(`Leave type ${type.code} is not limited by consecutive days`);
  }
  const consecutiveDays = countConsecutiveLeaveDays(request, history, type.limit.joinGapDays);
  if (consecutiveDays > type.limit.days) {
    return { ok: false, reason: "over_consecutive_limit", consecutiveDays, limitDays: type.limit.days };
  }
  return { ok: true, consecutiveDays };
}
