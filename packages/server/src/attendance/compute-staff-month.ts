import {
  addDays,
  aggregateMonth,
  calculateDailyRecord,
  classifyDay,
  collectDayPunches,
  compareLocalDates,
  type DailyRecord,
  dayOfWeek,
  findRulesOn,
  type LocalDate,
  type MonthTotals,
  type PunchSource,
  type RuleVersion,
  standardPattern,
  type Weekday,
  type WorkPattern,
  type WorkRules,
} from "@tobira/core";
import type { PatternAssignmentDto } from "@tobira/protocol";
import { listPatternAssignments } from "../attendance-rules/pattern-assignment-repository";
import { listRuleVersions } from "../attendance-rules/rule-version-repository";
import { listCoreWorkPatterns } from "../attendance-rules/work-pattern-repository";
import { listTownDays } from "../calendar/town-day-repository";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { findMonthRange, listMonthDates, startOfTokyoDate } from "./month-dates";
import { listStaffTaps } from "./staff-tap-repository";

export interface StaffMonth {
  staffId: number;
  month: string;
  days: DailyRecord[];
  /** 出勤 and 退勤 per day as minutes of the work day, beside `days`. */
  punches: Map<LocalDate, { clockIn: number | null; clockOut: number | null }>;
  totals: MonthTotals;
}

export interface StaffMonthOptions {
  /** Terminal punches only until the town's option to take first entry / last exit at the doors is stored. */
  source?: PunchSource;
}

/**
 * One person's month from the store: each day of their employment in the month with the rules in force
 * that day and the pattern assigned that day (the seeded standard pattern where none is), totalled with
 * the rules in force on the month's last day. Leave, orders and punch corrections are not stored yet
 * (requests come later), so every day has none and no holiday-work order.
 */
export async function computeStaffMonth(
  { db }: Pick<Deps, "db">,
  staffId: number,
  month: string,
  options: StaffMonthOptions = {},
): Promise<StaffMonth> {
  const staff = await db
    .selectFrom("staff")
    .select(["start_date", "end_date"])
    .where("id", "=", staffId)
    .executeTakeFirst();
  if (!staff) throw notFound(`Staff member ${staffId}`);

  const { first, last } = findMonthRange(month);
  const [versions, patterns, assignments, townDays, taps] = await Promise.all([
    listRuleVersions(db),
    listCoreWorkPatterns(db),
    listPatternAssignments(db, { staffId }),
    listTownDays(db, first, last),
    // A night shift that began the day before the month, or ends the morning after it, needs its taps.
    listStaffTaps(db, staffId, {
      from: startOfTokyoDate(addDays(first, -1)),
      to: startOfTokyoDate(addDays(last, 3)),
    }),
  ]);
  const fallbackPattern =
    patterns.find((pattern) => pattern.name === standardPattern.name) ?? standardPattern;
  const source = options.source ?? "terminal";

  const employed = (date: LocalDate) =>
    compareLocalDates(date, staff.start_date) >= 0 &&
    (staff.end_date === null || compareLocalDates(date, staff.end_date) <= 0);
  const days: DailyRecord[] = [];
  const punches: StaffMonth["punches"] = new Map();
  for (const date of listMonthDates(month).filter(employed)) {
    const rules = findRulesInForce(versions, date);
    const pattern = findPatternOn(assignments, patterns, date) ?? fallbackPattern;
    const day = collectDayPunches(taps, date, { dayBoundaryMinute: rules.dayBoundaryMinute, source });
    const weekday = dayOfWeek(date);
    const scheduled = isWeekday(weekday) ? (pattern.days[weekday] ?? null) : null;
    days.push(
      calculateDailyRecord(
        {
          date,
          dayKind: classifyDay(date, townDays).kind,
          sunday: weekday === 0,
          scheduled,
          clockIn: day.clockIn,
          clockOut: day.clockOut,
          presence: day.presence,
          leave: [],
          orders: [],
          holidayWork: null,
          divergenceReason: null,
        },
        rules,
      ),
    );
    punches.set(date, { clockIn: day.clockIn, clockOut: day.clockOut });
  }
  return { staffId, month, days, punches, totals: aggregateMonth(days, findRulesInForce(versions, last)) };
}

function findRulesInForce(versions: readonly RuleVersion[], date: LocalDate): WorkRules {
  const rules = findRulesOn(versions, date);
  if (rules === null) throw new AppError("not_found", `No working-time rules are in force on ${date}`);
  return rules;
}

function findPatternOn(
  assignments: readonly PatternAssignmentDto[],
  patterns: readonly WorkPattern[],
  date: LocalDate,
): WorkPattern | undefined {
  const assignment = assignments.find(
    (a) => compareLocalDates(a.from, date) <= 0 && (a.to === null || compareLocalDates(date, a.to) <= 0),
  );
  if (!assignment) return undefined;
  return patterns.find((pattern) => pattern.id === String(assignment.patternId));
}

function isWeekday(weekday: number): weekday is Weekday {
  return Number.isInteger(weekday) && weekday >= 0 && weekday <= 6;
}
