import type { ApprovalProxyInput } from "../../api/request-admin";
import type { PickedStaff } from "../../components/staff-picker";

/** The 代決者 form as typed: two people picked and a period of local dates. */
export interface ProxyDraft {
  approver: PickedStaff | null;
  proxy: PickedStaff | null;
  from: string;
  to: string;
}

export type ProxyField = keyof ProxyDraft;
export type ProxyProblem = "missing" | "sameAsApprover" | "toBeforeFrom";
export type ProxyProblems = Partial<Record<ProxyField, ProxyProblem>>;

export const proxyFields: readonly ProxyField[] = ["approver", "proxy", "from", "to"];

export const emptyProxyDraft: ProxyDraft = { approver: null, proxy: null, from: "", to: "" };

/** Every problem the server would refuse the draft for, before it is sent. */
export function checkProxyDraft(draft: ProxyDraft): ProxyProblems {
  const problems: ProxyProblems = {};
  if (draft.approver === null) problems.approver = "missing";
  if (draft.proxy === null) problems.proxy = "missing";
  else if (draft.approver !== null && draft.proxy.id === draft.approver.id) problems.proxy = "sameAsApprover";
  if (draft.from === "") problems.from = "missing";
  if (draft.to === "") problems.to = "missing";
  else if (draft.from !== "" && draft.to < draft.from) problems.to = "toBeforeFrom";
  return problems;
}

/**
 * What to show while the person is still typing: contradictions at once, empty fields only once they
 * have tried to save (an untouched form should not open in red).
 */
export function visibleProxyProblems(problems: ProxyProblems, submitted: boolean): ProxyProblems {
  if (submitted) return problems;
  const shown: ProxyProblems = {};
  for (const field of proxyFields) {
    const problem = problems[field];
    if (problem !== undefined && problem !== "missing") shown[field] = problem;
  }
  return shown;
}

/** The request body, or null while any problem remains. */
export function toProxyInput(draft: ProxyDraft): ApprovalProxyInput | null {
  const { approver, proxy } = draft;
  if (approver === null || proxy === null) return null;
  if (Object.keys(checkProxyDraft(draft)).length > 0) return null;
  return { approverStaffId: approver.id, proxyStaffId: proxy.id, from: draft.from, to: draft.to };
}
