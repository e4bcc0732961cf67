import { subtractRanges, sumRangeMinutes } from "../attendance/minute-ranges";
import { findMonthOfDate, toMonthIndex } from "../attendance/month-key";
import type { ScheduledDay } from "../attendance/work-rules";
import { createProblem, formatMinuteOfDay, formatMinutes, type RequestProblem } from "./request-problem";
import type { CompensatoryTimePayload } from "./request-types";
import { checkTimeRange, listOtherActiveRequests } from "./validate-common";
import type { RequestValidationFacts } from "./validation-facts";

/*
 * 時間外勤務代休時間: the hours beyond 60 in a month, converted, may be taken as rest within the 2 months
 * after it (from the 1st of the next month to the end of the month after), by 4 hours or a whole day.
 */
const HALF_UNIT_MINUTES = 4 * 60;
const MONTHS_AFTER = 2;
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

function countWorkingMinutes(range: { start: number; end: number }, scheduled: ScheduledDay): number {
  return sumRangeMinutes(subtractRanges([range], scheduled.breaks));
}

function checkShape(payload: CompensatoryTimePayload, facts: RequestValidationFacts): RequestProblem[] {
  const scheduled = facts.calendar.scheduleOn(payload.date);
  if (scheduled === null) {
    return [createProblem("date", "not_a_work_day", `${payload.date} is not a scheduled workday for you.`)];
  }
  if (payload.start < scheduled.start || payload.end > scheduled.end) {
    return [
      createProblem(
        "start",
        "outside_schedule",
        `The rest must lie inside your scheduled day ${formatMinuteOfDay(scheduled.start)}–${formatMinuteOfDay(scheduled.end)}.`,
        { scheduledStart: scheduled.start, scheduledEnd: scheduled.end },
      ),
    ];
  }
  const minutes = countWorkingMinutes(payload, scheduled);
  const wholeDay = countWorkingMinutes(scheduled, scheduled);
  if (minutes === HALF_UNIT_MINUTES || minutes === wholeDay) return [];
  return [
    createProblem(
      "end",
      "compensatory_time_unit",
      `This holds ${formatMinutes(minutes)} of work time; take 4 h or the whole day (${formatMinutes(wholeDay)}).`,
      { minutes, unitMinutes: HALF_UNIT_MINUTES, dayMinutes: wholeDay },
    ),
  ];
}

function measureUsed(
  facts: RequestValidationFacts,
  fromMonth: string,
  requestId: string | undefined,
): number {
  return listOtherActiveRequests(facts, requestId).reduce((sum, request) => {
    if (request.kind !== "compensatoryTime" || request.payload.fromMonth !== fromMonth) return sum;
    const scheduled = facts.calendar.scheduleOn(request.payload.date);
    return scheduled === null ? sum : sum + countWorkingMinutes(request.payload, scheduled);
  }, 0);
}

export function validateCompensatoryTime(
  payload: CompensatoryTimePayload,
  facts: RequestValidationFacts,
  requestId: string | undefined,
): RequestProblem[] {
  const rangeProblems = checkTimeRange(payload);
  const problems = [...rangeProblems];
  if (rangeProblems.length === 0) problems.push(...checkShape(payload, facts));
  const fromMonth = payload.fromMonth;
  if (!MONTH_PATTERN.test(fromMonth)) {
    problems.push(createProblem("fromMonth", "not_a_month", `${fromMonth} is not a 'YYYY-MM' month.`));
    return problems;
  }
  const monthsAfter = toMonthIndex(findMonthOfDate(payload.date)) - toMonthIndex(fromMonth);
  if (monthsAfter < 1 || monthsAfter > MONTHS_AFTER) {
    problems.push(
      createProblem(
        "date",
        "outside_compensatory_time_window",
        `Rest for ${fromMonth} is taken in the 2 months after it; ${payload.date} is ${monthsAfter} months from it.`,
        { monthsAfter, minMonthsAfter: 1, maxMonthsAfter: MONTHS_AFTER },
      ),
    );
  }
  const available = facts.compensatoryTimeByMonth.find((entry) => entry.month === fromMonth)?.minutes ?? 0;
  if (available <= 0) {
    problems.push(
      createProblem(
        "fromMonth",
        "no_hours_beyond_60",
        `${fromMonth} has no overtime beyond 60 hours to take as rest.`,
      ),
    );
    return problems;
  }
  const scheduled = facts.calendar.scheduleOn(payload.date);
  if (rangeProblems.length > 0 || scheduled === null) return problems;
  const used = measureUsed(facts, fromMonth, requestId);
  const asked = countWorkingMinutes(payload, scheduled);
  if (used + asked > available) {
    problems.push(
      createProblem(
        "fromMonth",
        "insufficient_compensatory_time",
        `${fromMonth} gives ${formatMinutes(available)} of rest, ${formatMinutes(used)} already taken or asked; ${formatMinutes(asked)} more does not fit.`,
        { availableMinutes: available, usedMinutes: used, requestedMinutes: asked },
      ),
    );
  }
  return problems;
}
