/** Stable error ids shared by server and clients; the HTTP status of each lives here and nowhere else. */
export const errorStatus = {
  validation_failed: 400,
  unauthenticated: 401,
  login_failed: 401,
  password_change_required: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  import_invalid: 422,
  account_locked: 423,
  too_many_requests: 429,
  internal: 500,
  database_unavailable: 503,
} as const;

export type ErrorId = keyof typeof errorStatus;

export interface ErrorIssue {
  path: string;
  message: string;
  /** A stable code the screen translates (request validation at entry), where there is one. */
  code?: string;
}

export interface ErrorBody {
  error: { id: ErrorId; message: string; issues?: ErrorIssue[] };
}
