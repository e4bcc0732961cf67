import type { RouteStep } from "./request-types";

/**
 * Who may decide a route step for a section: the facts come from the organisation (所属長, HR) and the
 * named proxies (代決者) who decide while an approver is away.
 */
export interface ApprovalAuthority {
  holdsStep(personId: string, step: RouteStep, departmentId: string): boolean;
  isProxyFor(proxyId: string, approverId: string, step: RouteStep, departmentId: string): boolean;
}

/** One row of the table: a person holds a step for a section (HR rows usually list every section). */
export interface ApproverRow {
  personId: string;
  step: RouteStep;
  departmentId: string;
}

/** One row of the proxy table: `proxyId` decides for `approverId`'s step in a section while they are away. */
export interface ProxyRow {
  proxyId: string;
  approverId: string;
  step: RouteStep;
  departmentId: string;
}

export function createApprovalAuthority(
  approvers: readonly ApproverRow[],
  proxies: readonly ProxyRow[] = [],
): ApprovalAuthority {
  return {
    holdsStep: (personId, step, departmentId) =>
      approvers.some(
        (row) => row.personId === personId && row.step === step && row.departmentId === departmentId,
      ),
    isProxyFor: (proxyId, approverId, step, departmentId) =>
      proxies.some(
        (row) =>
          row.proxyId === proxyId &&
          row.approverId === approverId &&
          row.step === step &&
          row.departmentId === departmentId,
      ),
  };
}

export type Eligibility = { ok: true } | { ok: false; error: "not_approver" | "own_request" };

/**
 * Whether an actor may decide a step of someone's request, directly or as proxy for an absent approver.
 * Nobody decides their own request, neither directly nor through a proxy acting for them.
 */
export function checkEligibility(
  authority: ApprovalAuthority,
  decision: { actorId: string; actingFor?: string | undefined },
  request: { applicantId: string; departmentId: string },
  step: RouteStep,
): Eligibility {
  const { actorId, actingFor } = decision;
  if (actorId === request.applicantId || actingFor === request.applicantId) {
    return { ok: false, error: "own_request" };
  }
  if (actingFor === undefined) {
    return authority.holdsStep(actorId, step, request.departmentId)
      ? { ok: true }
      : { ok: false, error: "not_approver" };
  }
  const approverHoldsStep = authority.holdsStep(actingFor, step, request.departmentId);
  const named = authority.isProxyFor(actorId, actingFor, step, request.departmentId);
  return approverHoldsStep && named ? { ok: true } : { ok: false, error: "not_approver" };
}
