import type { RequestProblem } from "./request-problem";
import type { RequestContent } from "./request-types";
import { checkCommon } from "./validate-common";
import { validateCompensatoryTime } from "./validate-compensatory-time";
import { validateHolidayWork } from "./validate-holiday-work";
import { validateLeaveRequest } from "./validate-leave-request";
import { validateOvertimeOrder, validateOvertimeResult } from "./validate-overtime";
import { validatePunchCorrection } from "./validate-punch-correction";
import type { RequestValidationFacts } from "./validation-facts";

export type RequestValidation = { ok: true } | { ok: false; problems: RequestProblem[] };

function validateKind(
  content: RequestContent,
  facts: RequestValidationFacts,
  requestId: string | undefined,
): RequestProblem[] {
  switch (content.kind) {
    case "overtimeOrder":
      return validateOvertimeOrder(content.payload, facts, requestId);
    case "overtimeResult":
      return validateOvertimeResult(content.payload, facts, requestId);
    case "holidayWork":
      return validateHolidayWork(content.payload, facts, requestId);
    case "leave":
      return validateLeaveRequest(content.payload, facts, requestId);
    case "punchCorrection":
      return validatePunchCorrection(content.payload, facts);
    case "compensatoryTime":
      return validateCompensatoryTime(content.payload, facts, requestId);
  }
}

/**
 * Validation at entry, so nothing incomplete reaches an approver: every problem at once. `requestId`
 * names the request being resubmitted, so it is not compared with itself.
 */
export function validateRequest(
  content: RequestContent,
  facts: RequestValidationFacts,
  requestId?: string,
): RequestValidation {
  const problems = [...checkCommon(content, facts, requestId), ...validateKind(content, facts, requestId)];
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
