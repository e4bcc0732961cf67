import type { RequestDto } from "@tobira/protocol";
import { useState } from "react";
import { type ApprovalProxy, actOnRequest, listApprovalProxies } from "../../api/requests";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextAreaField } from "../../components/form-fields";
import { StatusMessage } from "../../components/status-message";
import { todayInTokyo } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { useUser } from "../../session/session";

interface ApproverActionsProps {
  request: RequestDto;
  onChanged: (request: RequestDto) => void;
}

/** The 代決 rows that let me decide for someone today. */
export function proxiesForMe(proxies: readonly ApprovalProxy[], staffId: number | null, today: string) {
  return proxies.filter(
    (proxy) => proxy.proxyStaffId === staffId && proxy.from <= today && today <= proxy.to,
  );
}

/** 承認 and 差戻し (with what to fix), directly or as 代決 for an absent approver. */
export function ApproverActions({ request, onChanged }: ApproverActionsProps) {
  const { t } = useI18n();
  const user = useUser();
  const action = useAction();
  const [reason, setReason] = useState("");
  const [returnTried, setReturnTried] = useState(false);
  const [actingFor, setActingFor] = useState("");
  const canApprove = request.allowedActions.includes("approve");
  const canReturn = request.allowedActions.includes("return");
  const proxies = useQuery(`approval-proxies:${user.staffId ?? "none"}`, (signal) =>
    canApprove || canReturn ? listApprovalProxies(signal) : Promise.resolve([]),
  );
  if (!canApprove && !canReturn && action.message === null) return null;

  const mine = proxiesForMe(proxies.data ?? [], user.staffId, todayInTokyo());
  const actingForId = actingFor === "" ? undefined : Number(actingFor);
  const proxyPart = actingForId === undefined ? {} : { actingFor: actingForId };

  async function approve() {
    await action.run(async () => {
      onChanged(await actOnRequest(request.id, { type: "approve", ...proxyPart }));
      return t("request.approved");
    });
  }

  async function sendBack() {
    setReturnTried(true);
    if (reason.trim() === "") return;
    const ok = await action.run(async () => {
      onChanged(await actOnRequest(request.id, { type: "return", reason: reason.trim(), ...proxyPart }));
      return t("request.returned");
    });
    if (ok) {
      setReason("");
      setReturnTried(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="approver-actions-heading">
      <h2 id="approver-actions-heading">{t("request.decisionHeading")}</h2>
      <ErrorSummary error={action.error} />
      <StatusMessage>{action.message}</StatusMessage>
      {canApprove || canReturn ? (
        <>
          {mine.length > 0 ? (
            <SelectField
              id="request-acting-for"
              label={t("request.actingFor")}
              hint={t("request.actingForHint")}
              value={actingFor}
              onChange={(event) => setActingFor(event.target.value)}
            >
              <option value="">{t("request.actingForSelf")}</option>
              {mine.map((proxy) => (
                <option key={proxy.id} value={proxy.approverStaffId}>
                  {proxy.approverName}
                </option>
              ))}
            </SelectField>
          ) : null}
          {canApprove ? (
            <div className="button-row">
              <button type="button" className="button" onClick={() => void approve()} disabled={action.busy}>
                {t("request.approve")}
              </button>
            </div>
          ) : null}
          {canReturn ? (
            <div className="decision">
              <TextAreaField
                id="request-return-reason"
                label={t("request.returnReason")}
                hint={t("request.returnHint")}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                error={returnTried && reason.trim() === "" ? t("request.returnReasonMissing") : undefined}
                required
              />
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void sendBack()}
                disabled={action.busy}
              >
                {t("request.return")}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
