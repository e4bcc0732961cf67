import { can, type MonthCloseStateDto } from "@tobira/protocol";
import { type FormEvent, useState } from "react";
import { closeMonth, reopenMonth } from "../../api/attendance";
import { ApiError } from "../../api/client";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { TextAreaField } from "../../components/form-fields";
import { StatusMessage } from "../../components/status-message";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useUser } from "../../session/session";
import { MonthCloseState } from "./month-close-state";

interface MonthClosePanelProps {
  departmentId: number;
  month: string;
  monthLabel: string;
  close: MonthCloseStateDto;
  /** Called after a close, a refused close (the problems list must be fresh) and a reopen. */
  onChanged: () => void;
}

/** 月次締め: close the month when every day reconciles; HR reopens it with a reason. */
export function MonthClosePanel({ departmentId, month, monthLabel, close, onChanged }: MonthClosePanelProps) {
  const { t } = useI18n();
  const user = useUser();
  const action = useAction();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const refused = action.error instanceof ApiError && action.error.id === "conflict";
  const closedAbove =
    close.closed && close.closedByDepartmentId !== null && close.closedByDepartmentId !== departmentId;

  async function runClose() {
    setProblems([]);
    await action.run(async () => {
      await closeMonth(departmentId, month);
      return t("deptMonth.closedDone", { month: monthLabel });
    });
    onChanged();
  }

  async function runReopen(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === "") {
      setProblems([{ id: "reopen-reason", label: t("deptMonth.reopenReason"), message: t("form.missing") }]);
      return;
    }
    setProblems([]);
    const ok = await action.run(async () => {
      await reopenMonth(departmentId, month, reason.trim());
      return t("deptMonth.reopenedDone", { month: monthLabel });
    });
    if (ok) {
      setReopening(false);
      setReason("");
      onChanged();
    }
  }

  return (
    <section className="panel" aria-labelledby="month-close-heading">
      <h2 id="month-close-heading">{t("deptMonth.closeHeading")}</h2>
      <MonthCloseState close={close} />
      {closedAbove ? <p className="muted">{t("deptMonth.closedAbove")}</p> : null}
      {refused ? (
        <p className="notice" role="alert">
          {t("deptMonth.closeRefused")}
        </p>
      ) : null}
      <ErrorSummary error={refused ? null : action.error} problems={problems} />
      <StatusMessage>{action.message}</StatusMessage>
      {!close.closed && can(user, "attendance.close") ? (
        <div className="button-row">
          <button type="button" className="button" disabled={action.busy} onClick={() => void runClose()}>
            {t("deptMonth.close")}
          </button>
        </div>
      ) : null}
      {close.closed && !closedAbove && can(user, "attendance.reopen") && !reopening ? (
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              action.clear();
              setReopening(true);
            }}
          >
            {t("deptMonth.reopen")}
          </button>
        </div>
      ) : null}
      {close.closed && reopening ? (
        <form onSubmit={runReopen} noValidate className="form subpanel">
          <TextAreaField
            id="reopen-reason"
            label={t("deptMonth.reopenReason")}
            hint={t("deptMonth.reopenHint")}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={problems[0]?.message}
            maxLength={200}
            required
          />
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={action.busy}>
              {t("deptMonth.reopenConfirm")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setReopening(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
