import type { ErrorIssue } from "@tobira/protocol";
import { ApiError } from "../api/client";

/**
 * Sorts a server's validation issues onto the form's fields: an issue belongs to a field when any
 * segment of its path (`body.familyName`, `/familyName`, `changes.0.familyName`) names that field.
 */
export function issuesByField<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  if (!(error instanceof ApiError)) return {};
  const result: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue, fields);
    if (field !== null && result[field] === undefined) result[field] = issue.message;
  }
  return result;
}

function fieldOf<F extends string>(issue: ErrorIssue, fields: readonly F[]): F | null {
  const segments = issue.path.split(/[./[\]]+/).filter((segment) => segment !== "");
  for (const segment of segments.toReversed()) {
    const field = fields.find((candidate) => candidate === segment);
    if (field !== undefined) return field;
  }
  return null;
}
