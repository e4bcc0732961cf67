import { addDays, type LocalDate } from "../../calendar/index";
import { countWholeMonths, findLeaveYearStart } from "./leave-year";

/*
 * 労働基準法39条 and 施行規則24条の3 (比例付与): the days of paid leave the law requires, by years of
 * continuous service (steps 1–7 = 0.5, 1.5, 2.5, 3.5, 4.5, 5.5 and 6.5 years or more).
 */
export interface StatutoryLeaveTable {
  fullTime: readonly number[];
  byDaysPerWeek: Readonly<Record<1 | 2 | 3 | 4, readonly number[]>>;
  /** 30 hours a week or more counts as full time whatever the days per week. */
  fullTimeFromWeeklyMinutes: number;
}

export const statutoryLeaveTable: StatutoryLeaveTable = {
  fullTime: [10, 11, 12, 14, 16, 18, 20],
  byDaysPerWeek: {
    4: [7, 8, 9, 10, 12, 13, 15],
    3: [5, 6, 6, 8, 9, 10, 11],
    2: [3, 4, 4, 5, 6, 6, 7],
    1: [1, 2, 2, 2, 3, 3, 3],
  },
  fullTimeFromWeeklyMinutes: 30 * 60,
};

/** How many days and minutes a week a person is scheduled to work. */
export interface WeeklySchedule {
  daysPerWeek: number;
  weeklyMinutes: number;
}

function pickColumn(schedule: WeeklySchedule, table: StatutoryLeaveTable): readonly number[] {
  const { daysPerWeek, weeklyMinutes } = schedule;
  if (daysPerWeek >= 5 || weeklyMinutes >= table.fullTimeFromWeeklyMinutes) return table.fullTime;
  if (daysPerWeek === 4 || daysPerWeek === 3 || daysPerWeek === 2 || daysPerWeek === 1) {
    return table.byDaysPerWeek[daysPerWeek];
  }
  throw new RangeError(`Days per week must be a whole number from 1: ${daysPerWeek}`);
}

/** Days the table gives at a service step (1 = the first grant; steps past the table use its last column). */
export function findStatutoryLeaveDays(
  step: number,
  schedule: WeeklySchedule,
  table: StatutoryLeaveTable = statutoryLeaveTable,
): number {
  if (!Number.isInteger(step) || step < 0) throw new RangeError(`A service step is a whole number: ${step}`);
  if (step === 0) return 0;
  const column = pickColumn(schedule, table);
  return column[Math.min(step, column.length) - 1] ?? 0;
}

/** The statutory step reached after some months of continuous service: 6 months → 1, 18 → 2, 78 or more → 7. */
export function countStatutoryServiceStep(monthsOfService: number): number {
  if (monthsOfService < 6) return 0;
  return 1 + Math.floor((monthsOfService - 6) / 12);
}

/**
 * For carryOverStatutoryOnly: the statutory days a person hired on `hiredOn` has earned by the end of each
 * leave year (the step reached on the next year's first day).
 */
export function createStatutoryDaysOf(
  hiredOn: LocalDate,
  schedule: WeeklySchedule,
  yearStartMonth: number,
  table: StatutoryLeaveTable = statutoryLeaveTable,
): (leaveYear: number) => number {
  return (leaveYear) => {
    const yearEnd = addDays(findLeaveYearStart(leaveYear + 1, yearStartMonth), -1);
    const months = countWholeMonths(hiredOn, addDays(yearEnd, 1));
    return findStatutoryLeaveDays(countStatutoryServiceStep(months), schedule, table);
  };
}
