export {
  type ApprovalAuthority,
  type ApproverRow,
  checkEligibility,
  createApprovalAuthority,
  type Eligibility,
  type ProxyRow,
} from "./approval-authority";
export { createPersonCalendar, type PersonCalendar } from "./person-calendar";
export { listRequestMonths, touchesClosedMonth } from "./request-months";
export type { RequestProblem, RequestProblemCode } from "./request-problem";
export { defaultSectionRouteRules, resolveRoute, type SectionRouteRules } from "./request-route";
export {
  applyRequestAction,
  type RequestAction,
  type RequestDraft,
  type SubmitContext,
  submitRequest,
  type TransitionContext,
  type TransitionError,
  type TransitionResult,
} from "./request-state";
export * from "./request-types";
export { type RequestValidation, validateRequest } from "./validate-request";
export type { RequestValidationFacts } from "./validation-facts";
