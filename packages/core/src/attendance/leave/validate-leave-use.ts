import type { LeaveDuration } from "./leave-duration";

export interface LeaveUseRequest {
  /** Minutes the request takes (see convertLeaveAmountToMinutes). */
  minutes: number;
}

export type LeaveUseValidation =
  | { ok: true; remainingAfterMinutes: number }
  | { ok: false; error: "insufficient_balance"; remainingMinutes: number; remaining: LeaveDuration };

/** At entry: a request is accepted only while the balance covers it. */
export function validateLeaveUse(
  balance: { remainingMinutes: number; remainingDaysAndHours: LeaveDuration },
  request: LeaveUseRequest,
): LeaveUseValidation {
  if (!Number.isInteger(request.minutes) || request.minutes <= 0) {
    throw new RangeError(`A leave request takes whole minutes above 0: ${request.minutes}`);
  }
  if (request.minutes > balance.remainingMinutes) {
    return {
      ok: false,
      error: "insufficient_balance",
      remainingMinutes: balance.remainingMinutes,
      remaining: balance.remainingDaysAndHours,
    };
  }
  return { ok: true, remainingAfterMinutes: balance.remainingMinutes - request.minutes };
}
