import { subtractRanges } from "../attendance/minute-ranges";
import type { MinuteRange } from "../attendance/work-rules";
import { compareLocalDates } from "../calendar/index";
import { checkOvertimeCapsForOrder } from "./overtime-cap-problems";
import { createProblem, formatMinuteOfDay, formatMinutes, type RequestProblem } from "./request-problem";
import type { OvertimeOrderPayload, OvertimeResultPayload } from "./request-types";
import { checkReason, checkTimeRange, listOtherActiveRequests } from "./validate-common";
import type { RequestValidationFacts } from "./validation-facts";

function isOverlapping(left: MinuteRange, right: MinuteRange): boolean {
  return left.start < right.end && right.start < left.end;
}

/** Orders and results are made in whole units (15 minutes): the length counts, not the clock times. */
export function checkOrderUnit(range: MinuteRange, unitMinutes: number): RequestProblem[] {
  const minutes = range.end - range.start;
  if (minutes % unitMinutes === 0) return [];
  const shorter = minutes - (minutes % unitMinutes);
  const longer = shorter + unitMinutes;
  return [
    createProblem(
      "end",
      "order_unit",
      `${formatMinuteOfDay(range.start)}–${formatMinuteOfDay(range.end)} is ${minutes} minutes; overtime is ordered in units of ${unitMinutes} minutes, e.g. ${formatMinutes(shorter)} or ${formatMinutes(longer)}.`,
      { minutes, unitMinutes },
    ),
  ];
}

function checkAgainstSchedule(
  payload: OvertimeOrderPayload,
  facts: RequestValidationFacts,
): RequestProblem[] {
  if (facts.calendar.dayKindOn(payload.date) !== "workday") {
    return [
      createProblem(
        "date",
        "not_a_work_day",
        `${payload.date} is a rest day or holiday for you; enter it as holiday work instead.`,
        { date: payload.date },
      ),
    ];
  }
  const scheduled = facts.calendar.scheduleOn(payload.date);
  if (scheduled === null) return [];
  // Work through the break is overtime; only the scheduled working minutes cannot be ordered.
  const working = subtractRanges([{ start: scheduled.start, end: scheduled.end }], scheduled.breaks);
  const clash = working.find((range) => isOverlapping(range, payload));
  if (clash === undefined) return [];
  return [
    createProblem(
      "start",
      "overlaps_schedule",
      `The order overlaps scheduled hours ${formatMinuteOfDay(clash.start)}–${formatMinuteOfDay(clash.end)}; order only time outside them.`,
      { scheduledStart: clash.start, scheduledEnd: clash.end },
    ),
  ];
}

function checkOtherOrders(
  payload: OvertimeOrderPayload,
  facts: RequestValidationFacts,
  requestId: string | undefined,
): RequestProblem[] {
  return listOtherActiveRequests(facts, requestId).flatMap((other) => {
    if (other.kind !== "overtimeOrder" || other.payload.date !== payload.date) return [];
    if (!isOverlapping(other.payload, payload)) return [];
    return [
      createProblem(
        "start",
        "overlaps_request",
        `Order ${other.id} already covers ${formatMinuteOfDay(other.payload.start)}–${formatMinuteOfDay(other.payload.end)} on ${payload.date}; choose time outside it.`,
        { requestId: other.id, start: other.payload.start, end: other.payload.end },
      ),
    ];
  });
}

/** 時間外勤務命令 at entry: a reason, whole units outside the schedule, no double order, and the caps. */
export function validateOvertimeOrder(
  payload: OvertimeOrderPayload,
  facts: RequestValidationFacts,
  requestId: string | undefined,
): RequestProblem[] {
  const rangeProblems = checkTimeRange(payload);
  const problems = [...checkReason(payload.reason, "the overtime"), ...rangeProblems];
  if (rangeProblems.length > 0) return problems;
  problems.push(...checkOrderUnit(payload, facts.rules.orderUnitMinutes));
  problems.push(...checkAgainstSchedule(payload, facts));
  problems.push(...checkOtherOrders(payload, facts, requestId));
  const minutes = payload.end - payload.start;
  problems.push(...checkOvertimeCapsForOrder(payload.date, minutes, facts, facts.rules));
  return problems;
}

function checkOrderReference(
  payload: OvertimeResultPayload,
  facts: RequestValidationFacts,
  requestId: string | undefined,
): RequestProblem[] {
  const order = facts.existingRequests.find((request) => request.id === payload.orderId);
  if (order === undefined || order.kind !== "overtimeOrder") {
    return [
      createProblem("orderId", "order_not_found", `No overtime order ${payload.orderId} of yours exists.`, {
        orderId: payload.orderId,
      }),
    ];
  }
  const problems: RequestProblem[] = [];
  if (order.state.status !== "approved") {
    problems.push(
      createProblem(
        "orderId",
        "order_not_approved",
        `Order ${order.id} is ${order.state.status}, not approved; a result follows an approved order.`,
        { orderId: order.id, status: order.state.status },
      ),
    );
  }
  if (order.payload.date !== payload.date) {
    problems.push(
      createProblem(
        "date",
        "outside_order_day",
        `Order ${order.id} is for ${order.payload.date}; enter the result for that day.`,
        { orderDate: order.payload.date },
      ),
    );
  }
  const earlier = listOtherActiveRequests(facts, requestId).find(
    (other) => other.kind === "overtimeResult" && other.payload.orderId === payload.orderId,
  );
  if (earlier !== undefined) {
    problems.push(
      createProblem(
        "orderId",
        "overlaps_request",
        `Result ${earlier.id} already reports order ${payload.orderId}; withdraw or cancel it first.`,
        { requestId: earlier.id },
      ),
    );
  }
  return problems;
}

/** 時間外勤務実績 at entry: a day that has begun, whole units, and an approved order of the same day. */
export function validateOvertimeResult(
  payload: OvertimeResultPayload,
  facts: RequestValidationFacts,
  requestId: string | undefined,
): RequestProblem[] {
  const problems = [...checkReason(payload.reason, "the overtime"), ...checkTimeRange(payload)];
  if (problems.every((problem) => problem.code === "reason_required")) {
    problems.push(...checkOrderUnit(payload, facts.rules.orderUnitMinutes));
  }
  if (compareLocalDates(payload.date, facts.today) > 0) {
    problems.push(
      createProblem(
        "date",
        "future_date",
        `${payload.date} has not come yet; enter the result on or after the day.`,
        { today: facts.today },
      ),
    );
  }
  problems.push(...checkOrderReference(payload, facts, requestId));
  return problems;
}
