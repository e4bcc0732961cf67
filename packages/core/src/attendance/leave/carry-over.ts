import type { LocalDate } from "../../calendar/index";

/** What a carry-over rule sees at the end of a leave year. */
export interface CarryOverContext {
  leaveYear: number;
  /** This year's granted minutes still unused (days carried in from before have lapsed already). */
  unusedGrantedMinutes: number;
  minutesPerDay: number;
  /** The first day of the leave year the minutes would be carried into. */
  nextYearStart: LocalDate;
}

/** How many of the unused granted minutes move into the next year (繰越); the rest lapses. */
export type CarryOverRule = (context: CarryOverContext) => number;

/** The common model: unused days carry over up to a number of days (20), so a balance peaks at 40. */
export function carryOverUpTo(days: number): CarryOverRule {
  return ({ unusedGrantedMinutes, minutesPerDay }) =>
    Math.min(unusedGrantedMinutes, Math.max(0, days) * minutesPerDay);
}

/**
 * Towns that carry over only what 労基法39条 requires: of the unused days, at most the statutory days the
 * person had earned by the year end (10 after six months' service, rising to 20), as `statutoryDaysOf`
 * says; the town's days beyond the statute lapse. `createStatutoryDaysOf` builds it from the hire date.
 */
export function carryOverStatutoryOnly(statutoryDaysOf: (leaveYear: number) => number): CarryOverRule {
  return ({ leaveYear, unusedGrantedMinutes, minutesPerDay }) =>
    Math.min(unusedGrantedMinutes, Math.max(0, statutoryDaysOf(leaveYear)) * minutesPerDay);
}
