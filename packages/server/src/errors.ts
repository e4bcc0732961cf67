import type { ErrorId, ErrorIssue } from "@tobira/protocol";

/** The one error type adapters throw; the HTTP layer turns its id into a status and JSON body. */
export class AppError extends Error {
  constructor(
    readonly id: ErrorId,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} was not found`);
}
