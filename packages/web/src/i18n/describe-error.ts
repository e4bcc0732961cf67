import type { ErrorIssue } from "@tobira/protocol";
import { ApiError } from "../api/client";
import type { Translate } from "./i18n";
import { errorKey } from "./labels";

export interface ErrorDescription {
  /** What happened, in the reader's language. */
  summary: string;
  /** The server's own (English) words, for support staff. */
  detail: string | null;
  issues: readonly ErrorIssue[];
}

export function describeError(error: unknown, t: Translate): ErrorDescription {
  if (error instanceof ApiError) {
    const detail = error.message.trim();
    return { summary: t(errorKey(error.id)), detail: detail === "" ? null : detail, issues: error.issues };
  }
  const detail = error instanceof Error ? error.message : null;
  return { summary: t("error.unexpected"), detail, issues: [] };
}
