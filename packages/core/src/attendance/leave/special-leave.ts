import { compareLocalDates, iterateLocalDates, type LocalDate, parseLocalDate } from "../../calendar/index";
import type { LeaveAmount } from "./leave-duration";
import type {
  LeaveEmploymentType,
  LeaveType,
  LeaveUnit,
  LeaveWindow,
  MonthDay,
  Relation,
} from "./leave-types";
import { findLeaveYearOf } from "./leave-year";
import { countConsecutiveLeaveDays } from "./sick-leave";

/*
 * 特別休暇: a request is checked against its type's row — who may take it, the evidence, the unit, the
 * window and the days allowed per event or per year. Every rule it breaks is returned, for the screen.
 */

export interface SpecialLeaveRequest {
  from: LocalDate;
  to: LocalDate;
  amount: LeaveAmount;
  /** The person's scheduled day, to weigh hours and half days against limits set in days. */
  minutesPerDay: number;
  employmentType: LeaveEmploymentType;
  evidenceProvided: boolean;
  /** The marriage, death or birth the leave is for (per-event limits count all leave for it). */
  eventId: string | null;
  /** 忌引: the deceased's relation to the person. */
  relation: Relation | null;
  /** 子の看護・短期介護: how many children or family members are cared for. */
  dependants: number | null;
}

/** Leave of a type already taken or approved. */
export interface SpecialLeaveTaken {
  typeCode: string;
  from: LocalDate;
  to: LocalDate;
  amount: LeaveAmount;
  eventId: string | null;
}

export type SpecialLeaveRefusal =
  | { reason: "not_eligible"; employmentType: LeaveEmploymentType }
  | { reason: "evidence_missing" }
  | { reason: "unit_not_allowed"; unit: LeaveUnit }
  | { reason: "outside_window"; window: LeaveWindow }
  | { reason: "event_missing" }
  | { reason: "relation_not_covered"; relation: Relation | null }
  | { reason: "dependants_missing" }
  | { reason: "over_event_limit"; limitDays: number; takenMinutes: number; requestedMinutes: number }
  | { reason: "over_year_limit"; limitDays: number; takenMinutes: number; requestedMinutes: number }
  | { reason: "over_consecutive_limit"; limitDays: number; consecutiveDays: number };

export type SpecialLeaveCheck = { ok: true } | { ok: false; refusals: SpecialLeaveRefusal[] };

function convertToMinutes(amount: LeaveAmount, minutesPerDay: number): number {
  if (!Number.isInteger(amount.count) || amount.count <= 0) {
    throw new RangeError(`A leave amount is a whole count above 0: ${amount.count}`);
  }
  if (amount.unit === "day") return amount.count * minutesPerDay;
  if (amount.unit === "halfDay") return (amount.count * minutesPerDay) / 2;
  return amount.count * 60;
}

function compareMonthDays(a: MonthDay, b: MonthDay): number {
  return a.month * 100 + a.day - (b.month * 100 + b.day);
}

function isInWindow(date: LocalDate, window: LeaveWindow): boolean {
  const parts = parseLocalDate(date);
  if (parts === null) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${JSON.stringify(date)}`);
  const afterStart = compareMonthDays(parts, window.from) >= 0;
  const beforeEnd = compareMonthDays(parts, window.to) <= 0;
  // A window that wraps the year end (from after to) holds the dates after its start or before its end.
  return compareMonthDays(window.from, window.to) <= 0 ? afterStart && beforeEnd : afterStart || beforeEnd;
}

function sumTaken(taken: readonly SpecialLeaveTaken[], minutesPerDay: number): number {
  return taken.reduce((sum, entry) => sum + convertToMinutes(entry.amount, minutesPerDay), 0);
}

function checkLimit(
  type: LeaveType,
  request: SpecialLeaveRequest,
  history: readonly SpecialLeaveTaken[],
  requestedMinutes: number,
): SpecialLeaveRefusal[] {
  const limit = type.limit;
  const ofType = history.filter((entry) => entry.typeCode === type.code);
  const minutesPerDay = request.minutesPerDay;
  if (limit.kind === "balance") return [];
  if (limit.kind === "consecutiveDays") {
    const consecutiveDays = countConsecutiveLeaveDays(request, ofType, limit.joinGapDays);
    return consecutiveDays > limit.days
      ? [{ reason: "over_consecutive_limit", limitDays: limit.days, consecutiveDays }]
      : [];
  }
  if (limit.kind === "perEvent" || limit.kind === "perEventByRelation") {
    if (request.eventId === null) return [{ reason: "event_missing" }];
    const limitDays = limit.kind === "perEvent" ? limit.days : findRelationDays(limit.days, request.relation);
    if (limitDays === null) return [{ reason: "relation_not_covered", relation: request.relation }];
    const takenMinutes = sumTaken(
      ofType.filter((entry) => entry.eventId === request.eventId),
      minutesPerDay,
    );
    return takenMinutes + requestedMinutes > limitDays * minutesPerDay
      ? [{ reason: "over_event_limit", limitDays, takenMinutes, requestedMinutes }]
      : [];
  }
  if (limit.kind === "perYearByDependants" && request.dependants === null) {
    return [{ reason: "dependants_missing" }];
  }
  const limitDays =
    limit.kind === "perYearByDependants" && (request.dependants ?? 0) >= 2
      ? limit.daysForTwoOrMore
      : limit.days;
  const year = findLeaveYearOf(request.from, limit.yearStartMonth);
  const takenMinutes = sumTaken(
    ofType.filter((entry) => findLeaveYearOf(entry.from, limit.yearStartMonth) === year),
    minutesPerDay,
  );
  return takenMinutes + requestedMinutes > limitDays * minutesPerDay
    ? [{ reason: "over_year_limit", limitDays, takenMinutes, requestedMinutes }]
    : [];
}

function findRelationDays(days: Partial<Record<Relation, number>>, relation: Relation | null): number | null {
  if (relation === null) return null;
  return days[relation] ?? null;
}

/** Checks a request for a leave type; `history` is the person's leave already taken (any types). */
export function checkSpecialLeave(
  type: LeaveType,
  request: SpecialLeaveRequest,
  history: readonly SpecialLeaveTaken[],
): SpecialLeaveCheck {
  if (!Number.isInteger(request.minutesPerDay) || request.minutesPerDay <= 0) {
    throw new RangeError(`A leave day is whole minutes above 0: ${request.minutesPerDay}`);
  }
  if (compareLocalDates(request.to, request.from) < 0) {
    throw new RangeError(`A leave request ends on or after its start: ${request.from}–${request.to}`);
  }
  const refusals: SpecialLeaveRefusal[] = [];
  if (!type.eligible.includes(request.employmentType)) {
    refusals.push({ reason: "not_eligible", employmentType: request.employmentType });
  }
  if (type.evidenceRequired && !request.evidenceProvided) refusals.push({ reason: "evidence_missing" });
  if (!type.units.includes(request.amount.unit)) {
    refusals.push({ reason: "unit_not_allowed", unit: request.amount.unit });
  }
  const window = type.window;
  if (
    window !== null &&
    ![...iterateLocalDates(request.from, request.to)].every((date) => isInWindow(date, window))
  ) {
    refusals.push({ reason: "outside_window", window });
  }
  const requestedMinutes = convertToMinutes(request.amount, request.minutesPerDay);
  refusals.push(...checkLimit(type, request, history, requestedMinutes));
  return refusals.length === 0 ? { ok: true } : { ok: false, refusals };
}
