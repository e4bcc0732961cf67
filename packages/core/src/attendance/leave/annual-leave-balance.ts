import { compareLocalDates, type LocalDate } from "../../calendar/index";
import { type CarryOverRule, carryOverUpTo } from "./carry-over";
import { consumeLeave, type LeavePots } from "./consume-leave";
import {
  type LeaveDuration,
  type LeaveUnitMinutes,
  splitLeaveMinutes,
  standardLeaveDayMinutes,
} from "./leave-duration";
import { findLeaveYearOf, findLeaveYearStart } from "./leave-year";

/*
 * 年次有給休暇: granted per leave year (regular staff: 20 days on 1/1), unused days carried over by a
 * pluggable rule, carried days used first and lapsing at the year end. Everything is counted in minutes
 * so hourly use (1 day = 7 h 45 min) stays exact.
 */

export interface AnnualLeaveRules extends LeaveUnitMinutes {
  /** 1 = calendar year (regular staff); 4 = fiscal year (会計年度任用職員). */
  yearStartMonth: number;
  carryOver: CarryOverRule;
}

export const defaultAnnualLeaveRules: AnnualLeaveRules = {
  minutesPerDay: standardLeaveDayMinutes,
  minutesPerHalfDay: null,
  yearStartMonth: 1,
  carryOver: carryOverUpTo(20),
};

export interface AnnualLeaveGrant {
  on: LocalDate;
  minutes: number;
  /** "carriedIn": an opening balance taken over from an earlier system, treated as carried-over days. */
  kind: "grant" | "carriedIn";
}

export interface AnnualLeaveUse {
  on: LocalDate;
  minutes: number;
}

export interface AnnualLeaveBalance {
  leaveYear: number;
  /** Carried into this leave year. */
  carriedMinutes: number;
  /** Granted in this leave year up to `asOf`. */
  grantedMinutes: number;
  /** Used in this leave year up to `asOf`. */
  usedMinutes: number;
  remainingMinutes: number;
  remainingDaysAndHours: LeaveDuration;
  /** The part of `remainingMinutes` still from carried days: it lapses at this year's end if unused. */
  carriedRemainingMinutes: number;
  /** Use recorded beyond the balance (should not happen once entry validates). */
  overdrawnMinutes: number;
  /** What lapsed at the end of the previous leave year. */
  lapsedMinutes: number;
}

export interface AnnualLeaveInput {
  grants: readonly AnnualLeaveGrant[];
  uses: readonly AnnualLeaveUse[];
  asOf: LocalDate;
  rules: AnnualLeaveRules;
}

type LeaveEvent = { on: LocalDate; order: 0 | 1; grant: AnnualLeaveGrant | null; minutes: number };

function requireMinutes(minutes: number, what: string): void {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new RangeError(`${what} must be whole minutes of at least 0: ${minutes}`);
  }
}

function collectEvents(input: AnnualLeaveInput): LeaveEvent[] {
  const events: LeaveEvent[] = [];
  for (const grant of input.grants) {
    requireMinutes(grant.minutes, "A grant");
    events.push({ on: grant.on, order: 0, grant, minutes: grant.minutes });
  }
  for (const use of input.uses) {
    requireMinutes(use.minutes, "A use");
    events.push({ on: use.on, order: 1, grant: null, minutes: use.minutes });
  }
  // Grants come before uses of the same day.
  return events
    .filter((event) => compareLocalDates(event.on, input.asOf) <= 0)
    .sort((a, b) => compareLocalDates(a.on, b.on) || a.order - b.order);
}

interface YearState {
  pots: LeavePots;
  carried: number;
  granted: number;
  used: number;
  overdrawn: number;
}

function applyYear(carried: number, events: readonly LeaveEvent[]): YearState {
  const state: YearState = { pots: { carried, granted: 0 }, carried, granted: 0, used: 0, overdrawn: 0 };
  for (const event of events) {
    if (event.grant?.kind === "carriedIn") {
      state.pots.carried += event.minutes;
      state.carried += event.minutes;
    } else if (event.grant !== null) {
      state.pots.granted += event.minutes;
      state.granted += event.minutes;
    } else {
      const consumption = consumeLeave(state.pots, event.minutes);
      state.pots = consumption.pots;
      state.used += event.minutes;
      state.overdrawn += consumption.overdrawn;
    }
  }
  return state;
}

function groupByLeaveYear(events: readonly LeaveEvent[], startMonth: number): Map<number, LeaveEvent[]> {
  const groups = new Map<number, LeaveEvent[]>();
  for (const event of events) {
    const year = findLeaveYearOf(event.on, startMonth);
    const group = groups.get(year);
    if (group === undefined) groups.set(year, [event]);
    else group.push(event);
  }
  return groups;
}

/** The annual-leave balance on `asOf`: carried, granted and used in its leave year, and what remains. */
export function computeAnnualLeaveBalance(input: AnnualLeaveInput): AnnualLeaveBalance {
  const { rules, asOf } = input;
  const asOfYear = findLeaveYearOf(asOf, rules.yearStartMonth);
  const groups = groupByLeaveYear(collectEvents(input), rules.yearStartMonth);
  const firstYear = Math.min(asOfYear, ...groups.keys());
  let carried = 0;
  let lapsed = 0;
  let state = applyYear(0, []);
  for (let year = firstYear; year <= asOfYear; year += 1) {
    state = applyYear(carried, groups.get(year) ?? []);
    if (year === asOfYear) break;
    const unusedGranted = state.pots.granted;
    const ruled = rules.carryOver({
      leaveYear: year,
      unusedGrantedMinutes: unusedGranted,
      minutesPerDay: rules.minutesPerDay,
      nextYearStart: findLeaveYearStart(year + 1, rules.yearStartMonth),
    });
    carried = Math.min(unusedGranted, Math.max(0, Math.floor(ruled)));
    lapsed = state.pots.carried + unusedGranted - carried;
  }
  const remaining = state.pots.carried + state.pots.granted;
  return {
    leaveYear: asOfYear,
    carriedMinutes: state.carried,
    grantedMinutes: state.granted,
    usedMinutes: state.used,
    remainingMinutes: remaining,
    remainingDaysAndHours: splitLeaveMinutes(remaining, rules.minutesPerDay),
    carriedRemainingMinutes: state.pots.carried,
    overdrawnMinutes: state.overdrawn,
    lapsedMinutes: lapsed,
  };
}
