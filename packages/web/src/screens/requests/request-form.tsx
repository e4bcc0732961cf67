import type { RequestDto, RequestInput } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { actOnRequest, submitRequest } from "../../api/requests";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import type { PickedStaff } from "../../components/staff-picker";
import { StatusMessage } from "../../components/status-message";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { describeProblem } from "./problem-messages";
import { checkDraft, fieldsOf, type RequestDraft, type RequestField } from "./request-draft";
import { fieldLabel, requestFieldId } from "./request-field-labels";
import { RequestFields } from "./request-fields";
import { stepKey } from "./request-labels";
import { shapeMessage } from "./shape-messages";
import { useRequestCheck } from "./use-request-check";

interface RequestFormProps {
  initial: RequestDraft;
  /** Set when the form reopens a returned request: submitting resubmits it. */
  resubmitId: number | null;
  /** Section heads order overtime for members of their section. */
  canOrderForOthers: boolean;
  onDone: (request: RequestDto) => void;
}

/** One request's fields, checked as typed and asked of the server once complete; submit waits for a clean answer. */
export function RequestForm({ initial, resubmitId, canOrderForOthers, onDone }: RequestFormProps) {
  const { t, language } = useI18n();
  const action = useAction();
  const [draft, setDraft] = useState<RequestDraft>(initial);
  const [forStaff, setForStaff] = useState<PickedStaff | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<RequestField>>(new Set());

  const shape = checkDraft(draft);
  const shown = fieldsOf(draft);
  const orderingForOthers = canOrderForOthers && draft.kind === "overtimeOrder" && resubmitId === null;
  // A fresh form asks nothing until the person starts on it; a reopened one is checked at once.
  const started = touched.size > 0 || resubmitId !== null;
  const input: RequestInput | null =
    !started || !shape.ok
      ? null
      : orderingForOthers && forStaff !== null
        ? { content: shape.content, forStaffId: forStaff.id }
        : { content: shape.content };
  const checkState = useRequestCheck(input);
  const serverProblems = checkState.status === "done" ? checkState.check.problems : [];

  const serverMessages = (field: RequestField): string[] =>
    serverProblems
      .filter((problem) => problem.field === field)
      .map((problem) => describeProblem(problem, draft.kind, t, language));
  const messageFor = (field: RequestField): string | undefined => {
    if (!shape.ok) {
      const message = shape.errors[field];
      if (message === undefined || !touched.has(field)) return undefined;
      return shapeMessage(message, t);
    }
    const messages = serverMessages(field);
    return messages.length === 0 ? undefined : messages.join(" ");
  };
  const looseProblems = serverProblems.filter((problem) => !shown.some((field) => field === problem.field));
  const summary: FieldProblem[] = shown.flatMap((field) => {
    const message = shape.ok ? messageFor(field) : undefined;
    return message === undefined
      ? []
      : [{ id: requestFieldId(field), label: fieldLabel(field, draft.kind, t), message }];
  });

  const waiting = checkState.status === "checking" || checkState.status === "idle";
  const blocked = !shape.ok || waiting || serverProblems.length > 0;

  function update(field: RequestField, change: Partial<RequestDraft>) {
    setDraft((current) => ({ ...current, ...change }));
    setTouched((current) => new Set(current).add(field));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (input === null || blocked) {
      setTouched(new Set(shown));
      return;
    }
    const saved: { request: RequestDto | null } = { request: null };
    const ok = await action.run(async () => {
      saved.request =
        resubmitId === null
          ? await submitRequest(input)
          : await actOnRequest(resubmitId, { type: "resubmit", content: input.content });
      return t(resubmitId === null ? "request.submitted" : "request.resubmitted");
    });
    if (ok && saved.request !== null) onDone(saved.request);
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="form">
      <ErrorSummary error={action.error} problems={summary} />
      <StatusMessage>{action.message}</StatusMessage>
      <RequestFields
        draft={draft}
        shown={shown}
        update={update}
        messageFor={messageFor}
        forStaff={orderingForOthers ? { value: forStaff, onChange: setForStaff } : null}
      />
      {looseProblems.length > 0 ? (
        <ul className="notice" aria-label={t("request.otherProblems")}>
          {looseProblems.map((problem) => (
            <li key={`${problem.field}:${problem.code}`}>
              {describeProblem(problem, draft.kind, t, language)}
            </li>
          ))}
        </ul>
      ) : null}
      <CheckStatus state={checkState} />
      <div className="button-row">
        <button
          type="submit"
          className="button"
          disabled={blocked || action.busy}
          aria-describedby="request-submit-hint"
        >
          {t(resubmitId === null ? "request.submit" : "request.resubmit")}
        </button>
      </div>
      <p id="request-submit-hint" className="field__hint">
        {blocked ? t("request.submitBlocked") : t("request.submitReady")}
      </p>
    </form>
  );
}

/** Where the dry run stands, and the route the request would take (所属長 → 人事). */
function CheckStatus({ state }: { state: ReturnType<typeof useRequestCheck> }) {
  const { t } = useI18n();
  return (
    <div className="subpanel" aria-live="polite">
      {state.status === "idle" ? <p className="muted">{t("request.check.incomplete")}</p> : null}
      {state.status === "checking" ? <p className="muted">{t("request.check.checking")}</p> : null}
      {state.status === "failed" ? <ErrorSummary error={state.error} /> : null}
      {state.status === "done" ? (
        <>
          <p>
            {state.check.problems.length === 0
              ? t("request.check.ok")
              : t("request.check.problems", { count: state.check.problems.length })}
          </p>
          {state.check.route.length > 0 ? (
            <p>
              {t("request.route")}: {state.check.route.map((step) => t(stepKey(step))).join(" → ")}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
