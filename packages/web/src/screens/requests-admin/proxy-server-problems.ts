import { ApiError } from "../../api/client";
import type { ProxyField } from "./proxy-draft";

/** A refusal the server tied to one field: one it is known to give, or its own words. */
export type ProxyServerProblem =
  | { code: "overlap" | "sameAsApprover" | "toBeforeFrom" }
  | { code: "other"; message: string };

export interface ProxyServerProblems {
  fields: Partial<Record<ProxyField, ProxyServerProblem>>;
  /** The failure with the issues already placed on fields taken out, for the error summary. */
  rest: unknown;
}

const fieldOfPath = new Map<string, ProxyField>([
  ["approverStaffId", "approver"],
  ["proxyStaffId", "proxy"],
  ["from", "from"],
  ["to", "to"],
]);

/** Places the server's issues (`proxyStaffId`, `body/to` …) on the form's fields. */
export function proxyProblemsFromServer(error: unknown): ProxyServerProblems {
  if (!(error instanceof ApiError)) return { fields: {}, rest: error };
  const fields: Partial<Record<ProxyField, ProxyServerProblem>> = {};
  const unplaced = error.issues.filter((issue) => {
    const segment = issue.path.split(/[./[\]]+/).findLast((part) => fieldOfPath.has(part));
    const field = segment === undefined ? undefined : fieldOfPath.get(segment);
    if (field === undefined || fields[field] !== undefined) return true;
    fields[field] = problemOf(error.id, field, issue.message);
    return false;
  });
  return { fields, rest: new ApiError(error.id, error.message, error.status, unplaced) };
}

function problemOf(id: ApiError["id"], field: ProxyField, message: string): ProxyServerProblem {
  if (id === "conflict" && field === "from") return { code: "overlap" };
  if (id === "validation_failed" && field === "to" && /before/.test(message)) return { code: "toBeforeFrom" };
  if (id === "validation_failed" && field === "proxy" && /other than/.test(message))
    return { code: "sameAsApprover" };
  return { code: "other", message };
}
