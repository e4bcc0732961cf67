import {
  type AnnualLeaveBalance,
  type AnnualLeaveGrant,
  type AnnualLeaveRules,
  type AnnualLeaveUse,
  calculateProRataGrantDays,
  compareLocalDates,
  computeAnnualLeaveBalance,
  dayOfWeek,
  defaultAnnualLeaveRules,
  findLeaveYearOf,
  findLeaveYearStart,
  type LocalDate,
  type Weekday,
} from "@tobira/core";
import type { Executor } from "../db/transaction";
import { loadPatternFinder } from "./load-person-calendar";

// A full leave year's grant (勤務時間条例: 20 days a year).
const annualDays = 20;

/**
 * 年次有給休暇 left on `date`: 20 days granted at the start of each leave year (a calendar year; a 年度 for
 * 会計年度任用職員), pro rata in the year the person started, unused days carried into the next year, and
 * every annual leave recorded (approved requests and HR's entries) used. Only this year and the one
 * before count, which is all a carry-over reaches. null when nothing has been granted by `date`.
 */
export async function readAnnualLeaveBalance(
  db: Executor,
  staffId: number,
  date: LocalDate,
): Promise<AnnualLeaveBalance | null> {
  const staff = await db
    .selectFrom("staff")
    .select(["start_date", "employment_type"])
    .where("id", "=", staffId)
    .executeTakeFirst();
  if (!staff || compareLocalDates(staff.start_date, date) > 0) return null;
  const rules: AnnualLeaveRules = {
    ...defaultAnnualLeaveRules,
    yearStartMonth: staff.employment_type === "fiscalYearAppointee" ? 4 : 1,
  };
  const year = findLeaveYearOf(date, rules.yearStartMonth);
  const grants = [year - 1, year].flatMap((leaveYear) => grantOf(leaveYear, staff.start_date, rules));
  const from = findLeaveYearStart(year - 1, rules.yearStartMonth);
  const uses = await listAnnualLeaveUses(db, staffId, { from, to: date }, rules.minutesPerDay);
  return computeAnnualLeaveBalance({ grants, uses, asOf: date, rules });
}

function grantOf(leaveYear: number, startDate: LocalDate, rules: AnnualLeaveRules): AnnualLeaveGrant[] {
  const yearStart = findLeaveYearStart(leaveYear, rules.yearStartMonth);
  const nextYearStart = findLeaveYearStart(leaveYear + 1, rules.yearStartMonth);
  if (compareLocalDates(startDate, nextYearStart) >= 0) return [];
  if (compareLocalDates(startDate, yearStart) <= 0) {
    return [{ on: yearStart, minutes: annualDays * rules.minutesPerDay, kind: "grant" }];
  }
  const days = calculateProRataGrantDays({
    hiredOn: startDate,
    annualDays,
    yearStartMonth: rules.yearStartMonth,
    rounding: "nearest",
  });
  return [{ on: startDate, minutes: days * rules.minutesPerDay, kind: "grant" }];
}

/** Annual leave recorded between two dates: a whole day is a day; hours are the working minutes taken. */
async function listAnnualLeaveUses(
  db: Executor,
  staffId: number,
  range: { from: LocalDate; to: LocalDate },
  minutesPerDay: number,
): Promise<AnnualLeaveUse[]> {
  const rows = await db
    .selectFrom("attendance_entry")
    .select(["work_date", "start_minute", "end_minute"])
    .where("staff_id", "=", staffId)
    .where("kind", "=", "leave")
    .where("leave_type", "=", "annual")
    .where("work_date", ">=", range.from)
    .where("work_date", "<=", range.to)
    .execute();
  if (rows.length === 0) return [];
  const patternOn = await loadPatternFinder(db, staffId);
  return rows.map((row) => {
    if (row.start_minute === null || row.end_minute === null)
      return { on: row.work_date, minutes: minutesPerDay };
    const weekday = dayOfWeek(row.work_date);
    const scheduled = isWeekday(weekday) ? patternOn(row.work_date).days[weekday] : undefined;
    const breaks = scheduled?.breaks ?? [];
    const start = row.start_minute;
    const end = row.end_minute;
    const inBreaks = breaks.reduce(
      (sum, pause) => sum + Math.max(0, Math.min(end, pause.end) - Math.max(start, pause.start)),
      0,
    );
    return { on: row.work_date, minutes: Math.max(0, end - start - inBreaks) };
  });
}

function isWeekday(value: number): value is Weekday {
  return Number.isInteger(value) && value >= 0 && value <= 6;
}
