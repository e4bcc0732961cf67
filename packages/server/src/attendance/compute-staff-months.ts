import {
  addDays,
  aggregateMonth,
  calculateDailyRecord,
  classifyDay,
  collectGroupedDayPunches,
  compareLocalDates,
  type DailyRecord,
  dayOfWeek,
  findRulesOn,
  groupTimedTapsByWorkDay,
  type LocalDate,
  type RawTap,
  type RuleVersion,
  standardPattern,
  type TownDay,
  type Weekday,
  type WorkDayTaps,
  type WorkPattern,
  type WorkRules,
} from "@tobira/core";
import type { AttendanceEntryDto, PatternAssignmentDto } from "@tobira/protocol";
import { listPatternAssignments } from "../attendance-rules/pattern-assignment-repository";
import { listRuleVersions } from "../attendance-rules/rule-version-repository";
import { listCoreWorkPatterns } from "../attendance-rules/work-pattern-repository";
import { listTownDays } from "../calendar/town-day-repository";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { listAttendanceEntries } from "./attendance-entry-repository";
import type { StaffMonth } from "./compute-staff-month";
import { groupEntriesByDate } from "./entry-day-facts";
import { findMonthRange, listMonthDates, startOfTokyoDate } from "./month-dates";
import { listStaffTaps } from "./staff-tap-repository";

// Taps of this many people are read in one query; the rest of a chunk's facts come with them.
const chunkSize = 500;

/** What every person's month shares: the rules, patterns and town days, read once. */
interface TownMonth {
  month: string;
  dates: LocalDate[];
  versions: RuleVersion[];
  patterns: WorkPattern[];
  fallbackPattern: WorkPattern;
  townDays: TownDay[];
}

/** One person's facts for the month. */
interface PersonFacts {
  staffId: number;
  startDate: LocalDate;
  endDate: LocalDate | null;
  taps: readonly RawTap[];
  assignments: readonly PatternAssignmentDto[];
  entries: AttendanceEntryDto[];
}

/**
 * Each person's month from the store, computed through core and handed to `visit` one person at a time
 * (in the order of `staffIds`), so a town of any size is computed in bounded memory. Unknown ids are
 * skipped. Each day uses the rules in force that day and the pattern assigned that day (the seeded
 * standard pattern where none is); the month is totalled with the rules in force on its last day.
 */
export async function computeStaffMonths(
  { db }: Pick<Deps, "db">,
  staffIds: readonly number[],
  month: string,
  visit: (month: StaffMonth) => void | Promise<void>,
): Promise<void> {
  const { first, last } = findMonthRange(month);
  const [versions, patterns, townDays] = await Promise.all([
    listRuleVersions(db),
    listCoreWorkPatterns(db),
    listTownDays(db, first, last),
  ]);
  const town: TownMonth = {
    month,
    dates: listMonthDates(month),
    versions,
    patterns,
    fallbackPattern: patterns.find((pattern) => pattern.name === standardPattern.name) ?? standardPattern,
    townDays,
  };
  // A night shift that began the day before the month, or ends the morning after it, needs its taps.
  const tapRange = { from: startOfTokyoDate(addDays(first, -1)), to: startOfTokyoDate(addDays(last, 3)) };

  for (let offset = 0; offset < staffIds.length; offset += chunkSize) {
    const chunk = staffIds.slice(offset, offset + chunkSize);
    const [staffRows, assignments, entries, taps] = await Promise.all([
      db.selectFrom("staff").select(["id", "start_date", "end_date"]).where("id", "in", chunk).execute(),
      listPatternAssignments(db, { staffIds: chunk }),
      listAttendanceEntries(db, chunk, { from: first, to: last }),
      listStaffTaps(db, chunk, tapRange),
    ]);
    const employment = new Map(staffRows.map((row) => [row.id, row]));
    const assignmentsOf = groupByStaff(assignments);
    const entriesOf = groupByStaff(entries);
    for (const staffId of chunk) {
      const staff = employment.get(staffId);
      if (!staff) continue;
      await visit(
        computeOneMonth(town, {
          staffId,
          startDate: staff.start_date,
          endDate: staff.end_date,
          taps: taps.get(staffId) ?? [],
          assignments: assignmentsOf.get(staffId) ?? [],
          entries: entriesOf.get(staffId) ?? [],
        }),
      );
    }
  }
}

function computeOneMonth(town: TownMonth, person: PersonFacts): StaffMonth {
  const employed = (date: LocalDate) =>
    compareLocalDates(date, person.startDate) >= 0 &&
    (person.endDate === null || compareLocalDates(date, person.endDate) <= 0);
  const entriesByDate = groupEntriesByDate(person.entries);
  // Grouping a month of taps into work days is most of the work; it is done once per day boundary in force.
  const workDaysByBoundary = new Map<number, Map<LocalDate, WorkDayTaps>>();
  const workDaysFor = (boundary: number) => {
    let workDays = workDaysByBoundary.get(boundary);
    if (!workDays) {
      workDays = groupTimedTapsByWorkDay(person.taps, boundary);
      workDaysByBoundary.set(boundary, workDays);
    }
    return workDays;
  };
  const days: DailyRecord[] = [];
  const punches: StaffMonth["punches"] = new Map();
  for (const date of town.dates.filter(employed)) {
    const rules = findRulesInForce(town.versions, date);
    const pattern = findPatternOn(person.assignments, town.patterns, date) ?? town.fallbackPattern;
    const entry = entriesByDate.get(date);
    const day = collectGroupedDayPunches(workDaysFor(rules.dayBoundaryMinute), date, {
      dayBoundaryMinute: rules.dayBoundaryMinute,
      source: rules.punchSource,
      ...(entry?.correction ? { correction: entry.correction } : {}),
    });
    const weekday = dayOfWeek(date);
    const scheduled = isWeekday(weekday) ? (pattern.days[weekday] ?? null) : null;
    days.push(
      calculateDailyRecord(
        {
          date,
          dayKind: classifyDay(date, town.townDays).kind,
          sunday: weekday === 0,
          scheduled,
          clockIn: day.clockIn,
          clockOut: day.clockOut,
          presence: day.presence,
          leave: entry?.leave ?? [],
          orders: entry?.orders ?? [],
          holidayWork: entry?.holidayWork ?? null,
          divergenceReason: entry?.divergenceReason ?? null,
        },
        rules,
      ),
    );
    punches.set(date, { clockIn: day.clockIn, clockOut: day.clockOut });
  }
  const { last } = findMonthRange(town.month);
  return {
    staffId: person.staffId,
    month: town.month,
    days,
    punches,
    entries: person.entries,
    totals: aggregateMonth(days, findRulesInForce(town.versions, last)),
  };
}

function groupByStaff<T extends { staffId: number }>(items: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.staffId);
    if (group) group.push(item);
    else groups.set(item.staffId, [item]);
  }
  return groups;
}

export function findRulesInForce(versions: readonly RuleVersion[], date: LocalDate): WorkRules {
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
