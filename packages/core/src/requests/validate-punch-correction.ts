import { compareLocalDates } from "../calendar/index";
import { createProblem, formatMinuteOfDay, type RequestProblem } from "./request-problem";
import type { PunchCorrectionPayload } from "./request-types";
import { checkReason, LAST_MINUTE_OF_WORK_DAY } from "./validate-common";
import type { RequestValidationFacts } from "./validation-facts";

/** 打刻修正 at entry: a reason, a day that has begun, at least one punch, and 退勤 after 出勤. */
export function validatePunchCorrection(
  payload: PunchCorrectionPayload,
  facts: RequestValidationFacts,
): RequestProblem[] {
  const problems = checkReason(payload.reason, "the correction");
  if (compareLocalDates(payload.date, facts.today) > 0) {
    problems.push(
      createProblem(
        "date",
        "future_date",
        `${payload.date} has not come yet; correct punches of past days.`,
        {
          today: facts.today,
        },
      ),
    );
  }
  if (payload.clockIn === null && payload.clockOut === null) {
    problems.push(
      createProblem("clockIn", "nothing_to_correct", "Give the corrected clock-in, clock-out or both."),
    );
    return problems;
  }
  let wellFormed = true;
  for (const field of ["clockIn", "clockOut"] as const) {
    const minute = payload[field];
    if (minute === null) continue;
    if (Number.isInteger(minute) && minute >= 0 && minute <= LAST_MINUTE_OF_WORK_DAY) continue;
    wellFormed = false;
    problems.push(
      createProblem(
        field,
        "not_a_minute",
        `${field} must be a whole minute from 0 to ${LAST_MINUTE_OF_WORK_DAY} of the work day.`,
        {
          value: minute,
        },
      ),
    );
  }
  const { clockIn, clockOut } = payload;
  if (wellFormed && clockIn !== null && clockOut !== null && clockOut <= clockIn) {
    problems.push(
      createProblem(
        "clockOut",
        "clock_out_before_clock_in",
        `The clock-out (${formatMinuteOfDay(clockOut)}) must come after the clock-in (${formatMinuteOfDay(clockIn)}); a clock-out after midnight is past 24:00.`,
        { clockIn, clockOut },
      ),
    );
  }
  return problems;
}
