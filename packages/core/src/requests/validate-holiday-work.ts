import { daysBetween, type LocalDate } from "../calendar/index";
import { checkOvertimeCapsForOrder } from "./overtime-cap-problems";
import { createProblem, formatMinuteOfDay, type RequestProblem } from "./request-problem";
import type { HolidayWorkPayload, Request } from "./request-types";
import { findThinRestWindows, type RestDaySwap } from "./rest-day-count";
import { checkReason, checkTimeRange, listOtherActiveRequests } from "./validate-common";
import { checkOrderUnit } from "./validate-overtime";
import type { RequestValidationFacts } from "./validation-facts";

/*
 * 休日勤務: 週休日の振替 moves the 週休日 to a workday from 4 weeks before to 8 weeks after the day worked,
 * leaving at least 4 週休日 in every 4 weeks; a 休日 worked is made up by a 代休日 within 8 weeks after it,
 * or paid (休日勤務手当, or 時間外勤務手当 for a 週休日, which then counts toward the overtime caps).
 */
const SWAP_DAYS_BEFORE = 28;
const SWAP_DAYS_AFTER = 56;
const COMPENSATORY_DAYS_AFTER = 56;
const MINIMUM_REST_DAYS_IN_4_WEEKS = 4;
const FIELD = "compensation.date";

function listActiveHolidayWork(facts: RequestValidationFacts, requestId: string | undefined) {
  return listOtherActiveRequests(facts, requestId).flatMap((request: Request) =>
    request.kind === "holidayWork" ? [{ id: request.id, payload: request.payload }] : [],
  );
}

function checkCompensationDay(
  day: LocalDate,
  facts: RequestValidationFacts,
  others: ReturnType<typeof listActiveHolidayWork>,
): RequestProblem[] {
  const problems: RequestProblem[] = [];
  if (facts.calendar.dayKindOn(day) !== "workday") {
    problems.push(
      createProblem(
        FIELD,
        "not_a_work_day",
        `${day} is not a workday for you; choose a workday to take off.`,
        {
          date: day,
        },
      ),
    );
  }
  const taken = others.find(
    (other) => other.payload.compensation.kind !== "payment" && other.payload.compensation.date === day,
  );
  if (taken !== undefined) {
    problems.push(
      createProblem(
        FIELD,
        "compensation_day_taken",
        `${day} is already the day off of request ${taken.id}.`,
        {
          requestId: taken.id,
        },
      ),
    );
  }
  return problems;
}

function checkSwap(
  payload: HolidayWorkPayload,
  swapDate: LocalDate,
  facts: RequestValidationFacts,
  others: ReturnType<typeof listActiveHolidayWork>,
): RequestProblem[] {
  const problems: RequestProblem[] = [];
  if (facts.calendar.dayKindOn(payload.date) !== "weeklyRest") {
    problems.push(
      createProblem(
        "compensation.kind",
        "swap_not_weekly_rest",
        `${payload.date} is a 休日, not a 週休日; only a 週休日 is swapped. Take a 代休日 or payment instead.`,
      ),
    );
  }
  const offset = daysBetween(payload.date, swapDate);
  if (offset < -SWAP_DAYS_BEFORE || offset > SWAP_DAYS_AFTER) {
    problems.push(
      createProblem(
        FIELD,
        "outside_swap_window",
        `The swap day must lie from 4 weeks before to 8 weeks after ${payload.date}; ${swapDate} is ${offset} days from it.`,
        { offsetDays: offset, minOffsetDays: -SWAP_DAYS_BEFORE, maxOffsetDays: SWAP_DAYS_AFTER },
      ),
    );
  }
  const compensationProblems = checkCompensationDay(swapDate, facts, others);
  problems.push(...compensationProblems);
  if (problems.length > 0) return problems;
  const swaps: RestDaySwap[] = others.flatMap((other) =>
    other.payload.compensation.kind === "restDaySwap"
      ? [{ worked: other.payload.date, swappedTo: other.payload.compensation.date }]
      : [],
  );
  const thin = findThinRestWindows(
    facts.calendar,
    swaps,
    { worked: payload.date, swappedTo: swapDate },
    MINIMUM_REST_DAYS_IN_4_WEEKS,
  )[0];
  if (thin === undefined) return [];
  return [
    createProblem(
      FIELD,
      "too_few_rest_days",
      `After this swap the 4 weeks ${thin.from}–${thin.to} hold ${thin.restDays} 週休日; at least ${MINIMUM_REST_DAYS_IN_4_WEEKS} are needed. Choose another swap day.`,
      { from: thin.from, to: thin.to, restDays: thin.restDays, minimum: MINIMUM_REST_DAYS_IN_4_WEEKS },
    ),
  ];
}

function checkCompensatoryDay(
  payload: HolidayWorkPayload,
  dayOff: LocalDate,
  facts: RequestValidationFacts,
  others: ReturnType<typeof listActiveHolidayWork>,
): RequestProblem[] {
  const problems: RequestProblem[] = [];
  if (facts.calendar.dayKindOn(payload.date) !== "holiday") {
    problems.push(
      createProblem(
        "compensation.kind",
        "compensatory_day_not_holiday",
        `${payload.date} is a 週休日, not a 休日; a 代休日 is for work on a 休日. Swap the 週休日 or take payment.`,
      ),
    );
  }
  const offset = daysBetween(payload.date, dayOff);
  if (offset < 1 || offset > COMPENSATORY_DAYS_AFTER) {
    problems.push(
      createProblem(
        FIELD,
        "outside_compensatory_day_window",
        `The 代休日 must lie from the day after ${payload.date} to 8 weeks after it; ${dayOff} is ${offset} days from it.`,
        { offsetDays: offset, minOffsetDays: 1, maxOffsetDays: COMPENSATORY_DAYS_AFTER },
      ),
    );
  }
  problems.push(...checkCompensationDay(dayOff, facts, others));
  return problems;
}

function checkOverlap(
  payload: HolidayWorkPayload,
  others: ReturnType<typeof listActiveHolidayWork>,
): RequestProblem[] {
  const clash = others.find(
    (other) =>
      other.payload.date === payload.date &&
      other.payload.start < payload.end &&
      payload.start < other.payload.end,
  );
  if (clash === undefined) return [];
  return [
    createProblem(
      "start",
      "overlaps_request",
      `Holiday work ${clash.id} already covers ${formatMinuteOfDay(clash.payload.start)}–${formatMinuteOfDay(clash.payload.end)} on ${payload.date}.`,
      { requestId: clash.id },
    ),
  ];
}

export function validateHolidayWork(
  payload: HolidayWorkPayload,
  facts: RequestValidationFacts,
  requestId: string | undefined,
): RequestProblem[] {
  const rangeProblems = checkTimeRange(payload);
  const problems = [...checkReason(payload.reason, "the holiday work"), ...rangeProblems];
  if (rangeProblems.length === 0) problems.push(...checkOrderUnit(payload, facts.rules.orderUnitMinutes));
  if (facts.calendar.dayKindOn(payload.date) === "workday") {
    problems.push(
      createProblem(
        "date",
        "not_a_rest_day",
        `${payload.date} is a workday for you; holiday work is on a 週休日 or 休日. Order overtime instead.`,
        { date: payload.date },
      ),
    );
    return problems;
  }
  const others = listActiveHolidayWork(facts, requestId);
  if (rangeProblems.length === 0) problems.push(...checkOverlap(payload, others));
  const compensation = payload.compensation;
  const dayKind = facts.calendar.dayKindOn(payload.date);
  if (compensation.kind === "payment" && dayKind === "weeklyRest" && rangeProblems.length === 0) {
    // A 週休日 worked without a swap is 超過勤務 and counts toward the caps (a 休日 has scheduled hours).
    // The payload carries no break, so the whole span counts: the cautious reading at order time.
    const minutes = payload.end - payload.start;
    problems.push(...checkOvertimeCapsForOrder(payload.date, minutes, facts, facts.rules));
  }
  if (compensation.kind === "restDaySwap") {
    problems.push(...checkSwap(payload, compensation.date, facts, others));
  } else if (compensation.kind === "compensatoryDay") {
    problems.push(...checkCompensatoryDay(payload, compensation.date, facts, others));
  }
  return problems;
}
