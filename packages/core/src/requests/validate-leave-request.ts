import { splitLeaveMinutes } from "../attendance/leave/leave-duration";
import type { LeaveType } from "../attendance/leave/leave-types";
import { checkSpecialLeave, type SpecialLeaveTaken } from "../attendance/leave/special-leave";
import { validateLeaveUse } from "../attendance/leave/validate-leave-use";
import { compareLocalDates } from "../calendar/index";
import { describeLeaveRefusal } from "./leave-refusal-problems";
import { type MeasuredLeave, measureLeave } from "./measure-leave";
import { createProblem, formatMinutes, type RequestProblem } from "./request-problem";
import type { LeavePayload } from "./request-types";
import { listOtherActiveRequests } from "./validate-common";
import type { RequestValidationFacts } from "./validation-facts";

interface ActiveLeave {
  id: string;
  pending: boolean;
  payload: LeavePayload;
  leave: MeasuredLeave;
}

function listActiveLeave(facts: RequestValidationFacts, requestId: string | undefined): ActiveLeave[] {
  return listOtherActiveRequests(facts, requestId).flatMap((request) => {
    if (request.kind !== "leave") return [];
    const measured = measureLeave(request.payload, facts);
    if (!measured.ok) return [];
    const pending = request.state.status === "pending";
    return [{ id: request.id, pending, payload: request.payload, leave: measured.leave }];
  });
}

function isOverlapping(other: ActiveLeave, leave: MeasuredLeave, payload: LeavePayload): boolean {
  const daysMeet =
    compareLocalDates(other.leave.from, leave.to) <= 0 && compareLocalDates(leave.from, other.leave.to) <= 0;
  if (!daysMeet) return false;
  if (other.payload.unit === "day" || payload.unit === "day") return true;
  // Two parts of one day (both measured, so both have times) meet when their times overlap.
  return (other.payload.start ?? 0) < (payload.end ?? 0) && (payload.start ?? 0) < (other.payload.end ?? 0);
}

function checkOverlap(
  leave: MeasuredLeave,
  payload: LeavePayload,
  others: readonly ActiveLeave[],
): RequestProblem[] {
  const clash = others.find((other) => isOverlapping(other, leave, payload));
  if (clash === undefined) return [];
  return [
    createProblem(
      "date",
      "overlaps_request",
      `Leave ${clash.id} already covers part of this time; change or withdraw one of them.`,
      { requestId: clash.id },
    ),
  ];
}

// Approved uses are already out of the balance; leave still waiting for approval is held against it too.
function checkBalance(
  leave: MeasuredLeave,
  facts: RequestValidationFacts,
  others: readonly ActiveLeave[],
  type: LeaveType,
): RequestProblem[] {
  const balance = facts.annualLeaveBalance;
  if (balance === null) {
    return [createProblem("leaveType", "no_balance", "You have no annual leave granted yet.")];
  }
  const heldMinutes = others
    .filter((other) => other.pending && other.payload.leaveType === type.code)
    .reduce((sum, other) => sum + other.leave.minutes, 0);
  const remainingMinutes = Math.max(0, balance.remainingMinutes - heldMinutes);
  const remaining = splitLeaveMinutes(remainingMinutes, facts.leaveUnits.minutesPerDay);
  const use = validateLeaveUse(
    { remainingMinutes, remainingDaysAndHours: remaining },
    { minutes: leave.minutes },
  );
  if (use.ok) return [];
  return [
    createProblem(
      "date",
      "insufficient_balance",
      `This takes ${formatMinutes(leave.minutes)} but ${remaining.days} days ${remaining.hours} h ${remaining.minutes} min remain (after waiting requests); shorten it.`,
      { requestedMinutes: leave.minutes, remainingMinutes, heldMinutes },
    ),
  ];
}

function checkTypeRules(
  leave: MeasuredLeave,
  payload: LeavePayload,
  type: LeaveType,
  facts: RequestValidationFacts,
  others: readonly ActiveLeave[],
): RequestProblem[] {
  const history: SpecialLeaveTaken[] = others.map((other) => ({
    typeCode: other.payload.leaveType,
    from: other.leave.from,
    to: other.leave.to,
    amount: other.leave.amount,
    eventId: other.payload.eventId ?? null,
  }));
  const check = checkSpecialLeave(
    type,
    {
      from: leave.from,
      to: leave.to,
      amount: leave.amount,
      minutesPerDay: facts.leaveUnits.minutesPerDay,
      employmentType: facts.employmentType,
      evidenceProvided: payload.evidence === true,
      eventId: payload.eventId ?? null,
      relation: payload.relation ?? null,
      dependants: payload.dependants ?? null,
    },
    history,
  );
  if (check.ok) return [];
  return check.refusals.map((refusal) => describeLeaveRefusal(refusal, facts.leaveUnits.minutesPerDay));
}

/**
 * 休暇 at entry: a type in force and a unit it allows, the time inside the scheduled day, no double leave,
 * the type's rules (eligibility, evidence, window, per-event / per-year / consecutive-day limits), and
 * annual leave against the balance.
 */
export function validateLeaveRequest(
  payload: LeavePayload,
  facts: RequestValidationFacts,
  requestId: string | undefined,
): RequestProblem[] {
  const type = facts.leaveTypes.find((candidate) => candidate.code === payload.leaveType);
  if (type === undefined) {
    return [
      createProblem(
        "leaveType",
        "unknown_leave_type",
        `No leave type ${payload.leaveType} is in force on ${payload.date}.`,
        {
          leaveType: payload.leaveType,
        },
      ),
    ];
  }
  if (!type.units.includes(payload.unit)) {
    return [
      createProblem(
        "unit",
        "unit_not_allowed",
        `${type.name} is taken by ${type.units.join(" or ")}, not by the ${payload.unit}.`,
        {
          unit: payload.unit,
          allowed: type.units.join(","),
        },
      ),
    ];
  }
  const measured = measureLeave(payload, facts);
  if (!measured.ok) return measured.problems;
  const others = listActiveLeave(facts, requestId);
  const problems = [
    ...checkOverlap(measured.leave, payload, others),
    ...checkTypeRules(measured.leave, payload, type, facts, others),
  ];
  if (type.limit.kind === "balance") problems.push(...checkBalance(measured.leave, facts, others, type));
  return problems;
}
