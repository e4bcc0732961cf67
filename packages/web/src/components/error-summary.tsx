import type { MouseEvent } from "react";
import { describeError } from "../i18n/describe-error";
import { useI18n } from "../i18n/i18n";

export interface FieldProblem {
  /** The id of the control the problem belongs to. */
  id: string;
  label: string;
  message: string;
}

interface ErrorSummaryProps {
  /** A failed request, or anything thrown. */
  error?: unknown;
  /** Problems tied to controls; each links to its control. */
  problems?: readonly FieldProblem[];
}

/**
 * The one place a screen reports what went wrong. The live region is always in the page so that
 * assistive technology announces it as soon as it fills.
 */
export function ErrorSummary({ error, problems = [] }: ErrorSummaryProps) {
  const { t } = useI18n();
  const described = error === undefined || error === null ? null : describeError(error, t);
  const hasContent = described !== null || problems.length > 0;
  // Server issues already tied to a control appear once, as a link.
  const looseIssues = (described?.issues ?? []).filter(
    (issue) => !problems.some((problem) => problem.message === issue.message),
  );

  function focusControl(event: MouseEvent<HTMLAnchorElement>, id: string) {
    const control = document.getElementById(id);
    if (control === null) return;
    event.preventDefault();
    control.focus();
  }

  return (
    <div role="alert" className={hasContent ? "error-summary" : "error-summary error-summary--empty"}>
      {hasContent ? (
        <>
          <p className="error-summary__title">{described?.summary ?? t("form.problems")}</p>
          {problems.length > 0 ? (
            <ul>
              {problems.map((problem) => (
                <li key={problem.id}>
                  <a href={`#${problem.id}`} onClick={(event) => focusControl(event, problem.id)}>
                    {problem.label}: {problem.message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {looseIssues.length > 0 ? (
            <ul>
              {looseIssues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  {issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`}
                </li>
              ))}
            </ul>
          ) : null}
          {described?.detail ? (
            <p className="error-summary__detail">
              {t("error.detail")}: <span lang="en">{described.detail}</span>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
