import type { ErrorIssue } from "@tobira/protocol";
import { AppError } from "../errors";

/** Refuses a request whose fields passed the schema but not the checks between them. */
export function throwIfInvalid(issues: ErrorIssue[]): void {
  if (issues.length === 0) return;
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  throw new AppError("validation_failed", `The request is invalid: ${summary}`, issues);
}
