import { listRequestMonths } from "./request-months";
import { createProblem, formatMinuteOfDay, type RequestProblem } from "./request-problem";
import { isActiveRequest, type Request, type RequestContent } from "./request-types";
import { isSameValue } from "./same-value";
import type { RequestValidationFacts } from "./validation-facts";

// A work day's minutes run to the next morning's boundary: two days' worth covers every night shift.
export const LAST_MINUTE_OF_WORK_DAY = 2880;

/** The applicant's other requests that hold or will hold facts (the one being checked left out). */
export function listOtherActiveRequests(
  facts: RequestValidationFacts,
  requestId: string | undefined,
): Request[] {
  return facts.existingRequests.filter((request) => request.id !== requestId && isActiveRequest(request));
}

/** Checks every request gets: no closed month touched, and not the same as one already waiting. */
export function checkCommon(
  content: RequestContent,
  facts: RequestValidationFacts,
  requestId: string | undefined,
): RequestProblem[] {
  const problems: RequestProblem[] = [];
  for (const month of listRequestMonths(content)) {
    if (!facts.closedMonths.includes(month)) continue;
    problems.push(
      createProblem(
        "date",
        "month_closed",
        `${month} is closed; ask HR to reopen it or choose a day in an open month.`,
        { month },
      ),
    );
  }
  const duplicate = facts.existingRequests.find(
    (request) =>
      request.id !== requestId &&
      request.state.status === "pending" &&
      request.kind === content.kind &&
      isSameValue(request.payload, content.payload),
  );
  if (duplicate !== undefined) {
    problems.push(
      createProblem(
        "date",
        "duplicate_request",
        `The same request (${duplicate.id}) is already waiting for approval; withdraw one of them.`,
        { requestId: duplicate.id },
      ),
    );
  }
  return problems;
}

export function checkReason(reason: string, what: string): RequestProblem[] {
  if (reason.trim().length > 0) return [];
  return [createProblem("reason", "reason_required", `Give the reason for ${what}.`)];
}

function isMinuteOfWorkDay(minute: number): boolean {
  return Number.isInteger(minute) && minute >= 0 && minute <= LAST_MINUTE_OF_WORK_DAY;
}

/** Both ends are minutes of the work day and the end comes after the start. */
export function checkTimeRange(range: { start: number; end: number }): RequestProblem[] {
  const problems: RequestProblem[] = [];
  for (const field of ["start", "end"] as const) {
    if (isMinuteOfWorkDay(range[field])) continue;
    problems.push(
      createProblem(
        field,
        "not_a_minute",
        `${field} must be a whole minute from 0 to ${LAST_MINUTE_OF_WORK_DAY} of the work day; got ${range[field]}.`,
        { value: range[field] },
      ),
    );
  }
  if (problems.length > 0) return problems;
  if (range.end > range.start) return [];
  return [
    createProblem(
      "end",
      "end_before_start",
      `The end (${formatMinuteOfDay(range.end)}) must come after the start (${formatMinuteOfDay(range.start)}).`,
      { start: range.start, end: range.end },
    ),
  ];
}
