import { planDay } from "./daily-day-plan";
import { assertDayFacts } from "./daily-facts-check";
import { selectNightRanges } from "./daily-night-window";
import { bucketOvertime } from "./daily-overtime-buckets";
import { listDivergenceProblems, listPunchProblems, listUnorderedProblems } from "./daily-problems";
import type { DailyRecord, DayFacts } from "./daily-record-types";
import { countUnorderedMinutes } from "./daily-unordered-work";
import {
  intersectRanges,
  normalizeRanges,
  subtractRanges,
  sumRangeMinutes,
  uniteRanges,
} from "./minute-ranges";
import type { MinuteRange, WorkRules } from "./work-rules";

/**
 * One person's one work day: what the schedule owed, what was worked, ordered overtime per bucket,
 * 夜勤 and 休日勤務 minutes, and the problems to resolve before the month closes.
 *
 * Worked time is the punched time without breaks, cut to declared work (the schedule in effect and the
 * orders) plus whatever unordered work is reported (see countUnorderedMinutes): an arrival a few minutes
 * early is not work. Overtime is only ordered time actually worked outside the schedule in effect.
 */
export function calculateDailyRecord(facts: DayFacts, rules: WorkRules): DailyRecord {
  assertDayFacts(facts);
  const plan = planDay(facts);
  const punched = readPunchedRange(facts);
  const atWork = subtractRanges(punched === null ? [] : [punched], plan.breaks);
  // Scheduled time is never overtime, so orders count only outside the schedule in effect.
  const ordered =
    plan.scheduleSpan === null
      ? normalizeRanges(facts.orders)
      : subtractRanges(facts.orders, [plan.scheduleSpan]);
  const declared = uniteRanges(plan.authorised, ordered);
  const unorderedMinutes = countUnorderedMinutes(
    subtractRanges(atWork, declared),
    declared,
    rules.divergenceThresholdMinutes,
  );
  const overtimeRanges = intersectRanges(atWork, ordered);
  const scheduledWorked = intersectRanges(atWork, plan.authorised);
  const scheduledMinutes = sumRangeMinutes(plan.owed);
  const leaveMinutes = sumRangeMinutes(intersectRanges(plan.owed, facts.leave));
  const paysHolidayWork = facts.dayKind === "holiday" && facts.holidayWork === "payment";
  return {
    date: facts.date,
    dayKind: facts.dayKind,
    scheduledMinutes,
    workedMinutes: sumRangeMinutes(intersectRanges(atWork, declared)) + unorderedMinutes,
    leaveMinutes,
    overtime: bucketOvertime(overtimeRanges, plan.overtimeKind, rules.night),
    overtimeMinutes: sumRangeMinutes(overtimeRanges),
    nightShiftMinutes: sumRangeMinutes(selectNightRanges(scheduledWorked, rules.night)),
    holidayWorkMinutes: paysHolidayWork ? sumRangeMinutes(scheduledWorked) : 0,
    problems: [
      ...listPunchProblems(facts, scheduledMinutes > leaveMinutes),
      ...listUnorderedProblems(unorderedMinutes),
      ...listDivergenceProblems(facts, punched, rules.divergenceThresholdMinutes),
    ],
  };
}

function readPunchedRange(facts: DayFacts): MinuteRange | null {
  if (facts.clockIn === null || facts.clockOut === null) return null;
  return { start: facts.clockIn, end: facts.clockOut };
}
