import { compareLocalDates, type LocalDate } from "../../calendar/index";

/*
 * 休暇の種類: each type is data a town edits (勤務時間条例・規則), versioned by 施行日 like the work rules.
 * 年次有給休暇 and 病気休暇 sit in the same table; their limits are checked by their own modules.
 */

/** The smallest piece a type may be taken in: a day, a half day (some towns) or an hour. */
export type LeaveUnit = "day" | "halfDay" | "hour";

/** 雇用区分, spelled as the protocol's `employmentTypes` (core does not depend on protocol). */
export type LeaveEmploymentType =
  | "regular"
  | "fiscalYearAppointee"
  | "reappointed"
  | "fixedTerm"
  | "temporary";

/** Whose death a 忌引 is for; the days allowed depend on it. */
export type Relation =
  | "spouse"
  | "parent"
  | "child"
  | "grandparent"
  | "sibling"
  | "grandchild"
  | "parentInLaw";

/** A month and day, e.g. { month: 7, day: 1 }; a window may wrap the year end (12/1–2/28). */
export interface MonthDay {
  month: number;
  day: number;
}

export interface LeaveWindow {
  from: MonthDay;
  to: MonthDay;
}

export type LeaveLimit =
  /** 年次有給休暇: limited by the person's balance (see computeAnnualLeaveBalance). */
  | { kind: "balance" }
  /**
   * 病気休暇: at most this many consecutive calendar days; spells apart by no more than `joinGapDays` days
   * count as one (the gap itself is not counted).
   */
  | { kind: "consecutiveDays"; days: number; joinGapDays: number }
  /** At most this many days for one event (a marriage, a birth). */
  | { kind: "perEvent"; days: number }
  /** 忌引: days per event by the deceased's relation; a relation not listed is not covered. */
  | { kind: "perEventByRelation"; days: Partial<Record<Relation, number>> }
  /** At most this many days in a leave year starting on the 1st of `yearStartMonth`. */
  | { kind: "perYear"; days: number; yearStartMonth: number }
  /** 子の看護・短期介護: more days when two or more people are cared for. */
  | { kind: "perYearByDependants"; days: number; daysForTwoOrMore: number; yearStartMonth: number };

export interface LeaveType {
  code: string;
  name: string;
  units: readonly LeaveUnit[];
  limit: LeaveLimit;
  /** Only days inside this month-day range may be taken (夏季休暇: July–September); null = any time. */
  window: LeaveWindow | null;
  evidenceRequired: boolean;
  paid: boolean;
  eligible: readonly LeaveEmploymentType[];
}

/** A leave-type table in force from its 施行日 until the next one's. */
export interface LeaveTypeVersion {
  effectiveFrom: LocalDate;
  types: readonly LeaveType[];
}

/** The table in force on a date: the latest version whose 施行日 is on or before it. */
export function findLeaveTypesOn(
  versions: readonly LeaveTypeVersion[],
  date: LocalDate,
): readonly LeaveType[] {
  let found: LeaveTypeVersion | null = null;
  for (const version of versions) {
    if (compareLocalDates(version.effectiveFrom, date) > 0) continue;
    if (found === null || compareLocalDates(version.effectiveFrom, found.effectiveFrom) > 0) found = version;
  }
  return found?.types ?? [];
}

/** One type from the table in force on a date, or null when the town has no such type then. */
export function findLeaveType(
  versions: readonly LeaveTypeVersion[],
  code: string,
  date: LocalDate,
): LeaveType | null {
  return findLeaveTypesOn(versions, date).find((type) => type.code === code) ?? null;
}
