import type { RequestProblem, TransitionError } from "@tobira/core";
import type { ErrorIssue } from "@tobira/protocol";
import { AppError } from "../errors";

/** Validation at entry refused the content: every problem, on the payload field to fix, with its code. */
export function requestValidationError(problems: readonly RequestProblem[]): AppError {
  const issues: ErrorIssue[] = problems.map((problem) => ({
    path: `content.payload.${problem.field}`,
    message: problem.message,
    code: problem.code,
  }));
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
  return new AppError("validation_failed", `The request cannot be submitted: ${summary}`, issues);
}

const transitionMessages: Record<TransitionError, string> = {
  not_approver:
    "You do not decide this step of the request: you are not its approver or a proxy named for one today.",
  own_request: "Nobody decides their own request, neither directly nor through a proxy.",
  not_applicant: "Only the applicant, or whoever entered the request for them, can do this.",
  wrong_state: "The request is not in a state that allows this; reload it to see where it stands.",
  month_closed: "A month this request touches is closed; HR must reopen it first.",
  kind_changed: "A resubmission keeps the request's kind; make a new request for another kind.",
  reason_required: "Give a reason.",
};

/** A transition the state machine refused, as the HTTP layer answers it (403, 409 or 400). */
export function transitionError(error: TransitionError): AppError {
  const message = transitionMessages[error];
  switch (error) {
    case "not_approver":
    case "own_request":
    case "not_applicant":
      return new AppError("forbidden", message);
    case "wrong_state":
    case "month_closed":
    case "kind_changed":
      return new AppError("conflict", message);
    case "reason_required":
      return new AppError("validation_failed", message, [{ path: "reason", message: "is required" }]);
  }
}

export function closedMonthError(months: readonly string[]): AppError {
  return new AppError(
    "conflict",
    `The month ${months.join(", ")} is closed for this section; HR must reopen it before requests touching it change.`,
  );
}
