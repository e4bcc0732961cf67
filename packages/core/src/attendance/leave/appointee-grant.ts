import { addDays, compareLocalDates, daysBetween, type LocalDate } from "../../calendar/index";
import type { CarryOverRule } from "./carry-over";
import { countWholeMonths } from "./leave-year";
import {
  countStatutoryServiceStep,
  findStatutoryLeaveDays,
  type StatutoryLeaveTable,
  statutoryLeaveTable,
} from "./statutory-leave-days";

/*
 * 会計年度任用職員: leave is granted at each appointment (任用) for the whole term, by the term's length and
 * the days worked per week, rising with consecutive re-appointment as the 労基法39条 table does.
 */

/** One appointment: its term (both days included) and the weekly schedule it sets. */
export interface AppointmentTerm {
  from: LocalDate;
  to: LocalDate;
  daysPerWeek: number;
  weeklyMinutes: number;
}

export interface AppointeeGrantRules {
  table: StatutoryLeaveTable;
  /** Terms shorter than this get no grant at appointment (the statute's six months). */
  minTermMonths: number;
  /** Days between two terms that still count as unbroken re-appointment (0 = the next term starts the day after). */
  maxGapDays: number;
}

export const defaultAppointeeGrantRules: AppointeeGrantRules = {
  table: statutoryLeaveTable,
  minTermMonths: 6,
  maxGapDays: 0,
};

export interface AppointeeGrant {
  days: number;
  termMonths: number;
  /** 1 for a first appointment, 2 for the first re-appointment a year later, … (7 and beyond give the most). */
  serviceStep: number;
  /** The unbroken run of appointments this one ends, from its first day. */
  serviceFrom: LocalDate;
}

function isUnbrokenAfter(earlier: AppointmentTerm, laterFrom: LocalDate, maxGapDays: number): boolean {
  const gap = daysBetween(earlier.to, laterFrom) - 1;
  return gap <= maxGapDays && compareLocalDates(earlier.from, laterFrom) < 0;
}

/** The first day of the unbroken run of terms that `term` continues. */
export function findServiceStart(
  term: AppointmentTerm,
  previousTerms: readonly AppointmentTerm[],
  maxGapDays: number,
): LocalDate {
  const earlierFirst = [...previousTerms].sort((a, b) => compareLocalDates(b.from, a.from));
  let start = term.from;
  for (const previous of earlierFirst) {
    if (compareLocalDates(previous.from, start) >= 0) continue;
    if (!isUnbrokenAfter(previous, start, maxGapDays)) break;
    start = previous.from;
  }
  return start;
}

/**
 * Days granted at the start of `term`. A term of six months or more gets the table's days for the
 * service step: step 1 at a first appointment, one more for each full year of unbroken service before it.
 */
export function calculateAppointeeGrant(
  term: AppointmentTerm,
  previousTerms: readonly AppointmentTerm[],
  rules: AppointeeGrantRules = defaultAppointeeGrantRules,
): AppointeeGrant {
  if (compareLocalDates(term.to, term.from) < 0) {
    throw new RangeError(`A term ends on or after its start: ${term.from}–${term.to}`);
  }
  const termMonths = countWholeMonths(term.from, addDays(term.to, 1));
  const serviceFrom = findServiceStart(term, previousTerms, rules.maxGapDays);
  // The grant comes at appointment, so a first term is treated as the statute's six months already served.
  const serviceStep = countStatutoryServiceStep(countWholeMonths(serviceFrom, term.from) + 6);
  const days = termMonths < rules.minTermMonths ? 0 : findStatutoryLeaveDays(serviceStep, term, rules.table);
  return { days, termMonths, serviceStep, serviceFrom };
}

/**
 * Appointees carry unused days (up to `upToDays`) into the next leave year only when a term runs to the
 * year end and the next term follows it without a break; otherwise everything lapses.
 */
export function carryOverOnUnbrokenReappointment(
  terms: readonly AppointmentTerm[],
  upToDays: number,
  maxGapDays: number = defaultAppointeeGrantRules.maxGapDays,
): CarryOverRule {
  return ({ unusedGrantedMinutes, minutesPerDay, nextYearStart }) => {
    const yearEnd = addDays(nextYearStart, -1);
    const ending = terms.find(
      (term) => compareLocalDates(term.from, yearEnd) <= 0 && compareLocalDates(term.to, yearEnd) >= 0,
    );
    if (ending === undefined) return 0;
    const cap = Math.min(unusedGrantedMinutes, Math.max(0, upToDays) * minutesPerDay);
    if (compareLocalDates(ending.to, yearEnd) > 0) return cap;
    const next = terms.find(
      (term) => compareLocalDates(term.from, yearEnd) > 0 && isUnbrokenAfter(ending, term.from, maxGapDays),
    );
    return next === undefined ? 0 : cap;
  };
}
