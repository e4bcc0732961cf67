import type { RequestDto } from "@tobira/protocol";
import { useState } from "react";
import { actOnRequest } from "../../api/requests";
import { ErrorSummary } from "../../components/error-summary";
import { TextAreaField } from "../../components/form-fields";
import { StatusMessage } from "../../components/status-message";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";

interface ApplicantActionsProps {
  request: RequestDto;
  onChanged: (request: RequestDto) => void;
}

/** 取下げ, 再提出 after a return, and 取消申請 of an approved request, as far as the server allows them now. */
export function ApplicantActions({ request, onChanged }: ApplicantActionsProps) {
  const { t } = useI18n();
  const action = useAction();
  const [cancelReason, setCancelReason] = useState("");
  const [cancelTried, setCancelTried] = useState(false);
  const allowed = request.allowedActions;
  const canWithdraw = allowed.includes("withdraw");
  const canResubmit = allowed.includes("resubmit");
  const canCancel = allowed.includes("requestCancel");
  if (!canWithdraw && !canResubmit && !canCancel && action.message === null) return null;

  async function withdraw() {
    if (!window.confirm(t("request.confirmWithdraw"))) return;
    await action.run(async () => {
      onChanged(await actOnRequest(request.id, { type: "withdraw" }));
      return t("request.withdrawn");
    });
  }

  async function requestCancel() {
    setCancelTried(true);
    if (cancelReason.trim() === "") return;
    const ok = await action.run(async () => {
      onChanged(await actOnRequest(request.id, { type: "requestCancel", reason: cancelReason.trim() }));
      return t("request.cancelRequested");
    });
    if (ok) {
      setCancelReason("");
      setCancelTried(false);
    }
  }

  const cancelError =
    cancelTried && cancelReason.trim() === "" ? t("request.cancelReasonMissing") : undefined;

  return (
    <section className="panel" aria-labelledby="applicant-actions-heading">
      <h2 id="applicant-actions-heading">{t("request.myActions")}</h2>
      <ErrorSummary error={action.error} />
      <StatusMessage>{action.message}</StatusMessage>
      <div className="button-row">
        {canResubmit ? (
          <Link to={paths.requestNew({ resubmit: request.id })} className="button">
            {t("request.fixAndResubmit")}
          </Link>
        ) : null}
        {canWithdraw ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void withdraw()}
            disabled={action.busy}
          >
            {t("request.withdraw")}
          </button>
        ) : null}
      </div>
      {canCancel ? (
        <div className="decision">
          <TextAreaField
            id="request-cancel-reason"
            label={t("request.cancelReason")}
            hint={t("request.cancelHint")}
            value={cancelReason}
            onChange={(event) => setCancelReason(event.target.value)}
            error={cancelError}
            required
          />
          <button
            type="button"
            className="button button--danger"
            onClick={() => void requestCancel()}
            disabled={action.busy}
          >
            {t("request.requestCancel")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
