import { type AccessAlarmDto, can } from "@tobira/protocol";
import { useState } from "react";
import { acknowledgeAlarm, listAlarms } from "../../api/access-events";
import { ErrorSummary, type FieldProblem } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { alarmKindKey } from "../../i18n/access-labels";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { useUser } from "../../session/session";
import { AccessBreadcrumb } from "./access-overview";

function doorText(alarm: AccessAlarmDto): string {
  return alarm.doorName ?? alarm.readerName ?? `#${alarm.readerId}`;
}

/** The open alarms as a table; with `onAcknowledged`, each row takes a comment and a 確認 button. */
export function OpenAlarmsTable({
  items,
  onAcknowledged,
}: {
  items: readonly AccessAlarmDto[];
  onAcknowledged?: (() => void) | undefined;
}) {
  const { t, language } = useI18n();
  const action = useAction();
  const [comments, setComments] = useState<Record<number, string>>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function acknowledge(alarm: AccessAlarmDto) {
    const comment = (comments[alarm.id] ?? "").trim();
    const commentId = `alarm-${alarm.id}-comment`;
    if (comment === "") {
      action.clear();
      setProblems([{ id: commentId, label: t("alarms.comment"), message: t("alarms.needsComment") }]);
      return;
    }
    setProblems([]);
    const kind = t(alarmKindKey(alarm.kind));
    const ok = await action.run(async () => {
      await acknowledgeAlarm(alarm.id, comment);
      return t("alarms.acknowledged", { kind, door: doorText(alarm) });
    });
    if (ok) onAcknowledged?.();
  }

  const canAcknowledge = onAcknowledged !== undefined;
  return (
    <>
      {canAcknowledge ? (
        <>
          <ErrorSummary error={action.error} problems={problems} />
          <StatusMessage>{action.message}</StatusMessage>
        </>
      ) : null}
      <div className="table-scroll">
        <table className="data-table alarm-table">
          <caption>{t("alarms.openCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("alarms.kind")}</th>
              <th scope="col">{t("alarms.door")}</th>
              <th scope="col">{t("alarms.reader")}</th>
              <th scope="col">{t("alarms.raisedAt")}</th>
              {canAcknowledge ? <th scope="col">{t("common.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((alarm) => {
              const commentId = `alarm-${alarm.id}-comment`;
              const whatId = `alarm-${alarm.id}-what`;
              const invalid = problems.some((problem) => problem.id === commentId);
              return (
                <tr key={alarm.id}>
                  <th scope="row" id={whatId}>
                    {t(alarmKindKey(alarm.kind))}
                  </th>
                  <td>{alarm.doorName ?? "—"}</td>
                  <td>{alarm.readerName ?? `#${alarm.readerId}`}</td>
                  <td className="nowrap">{formatInstant(alarm.raisedAt, language)}</td>
                  {canAcknowledge ? (
                    <td>
                      <div className="decision">
                        <label htmlFor={commentId}>{t("alarms.comment")}</label>
                        <textarea
                          id={commentId}
                          rows={2}
                          maxLength={500}
                          aria-describedby={whatId}
                          aria-invalid={invalid ? true : undefined}
                          value={comments[alarm.id] ?? ""}
                          onChange={(event) =>
                            setComments((current) => ({ ...current, [alarm.id]: event.target.value }))
                          }
                        />
                        <div className="button-row">
                          <button
                            type="button"
                            className="button"
                            aria-describedby={whatId}
                            disabled={action.busy}
                            onClick={() => void acknowledge(alarm)}
                          >
                            {t("alarms.acknowledge")}
                          </button>
                        </div>
                      </div>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** 警報: open alarms to acknowledge with a comment, and the acknowledged ones below. */
export function AlarmsScreen() {
  const { t, language } = useI18n();
  const user = useUser();
  const alarms = useQuery("access-alarms", (signal) => listAlarms(undefined, signal));
  const items = alarms.data?.items;
  const open = items?.filter((alarm) => alarm.acknowledgedAt === null);
  const acknowledged = items?.filter((alarm) => alarm.acknowledgedAt !== null);
  const manage = can(user, "access.manage");
  return (
    <>
      <AccessBreadcrumb />
      <PageHeading title={t("access.alarms")} />
      <ErrorSummary error={alarms.error} />
      {alarms.loading && items === undefined ? <Loading /> : null}
      <section className="panel" aria-labelledby="alarms-open-heading">
        <h2 id="alarms-open-heading">{t("alarms.openHeading")}</h2>
        {manage ? null : <p>{t("alarms.readOnly")}</p>}
        {open !== undefined && open.length === 0 ? <p className="empty">{t("alarms.openNone")}</p> : null}
        {open !== undefined && open.length > 0 ? (
          <OpenAlarmsTable items={open} onAcknowledged={manage ? alarms.reload : undefined} />
        ) : null}
      </section>
      <section className="panel" aria-labelledby="alarms-ack-heading">
        <h2 id="alarms-ack-heading">{t("alarms.ackHeading")}</h2>
        {acknowledged !== undefined && acknowledged.length === 0 ? (
          <p className="empty">{t("alarms.ackNone")}</p>
        ) : null}
        {acknowledged !== undefined && acknowledged.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("alarms.ackCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("alarms.kind")}</th>
                  <th scope="col">{t("alarms.door")}</th>
                  <th scope="col">{t("alarms.reader")}</th>
                  <th scope="col">{t("alarms.raisedAt")}</th>
                  <th scope="col">{t("alarms.ackBy")}</th>
                  <th scope="col">{t("alarms.ackAt")}</th>
                  <th scope="col">{t("alarms.comment")}</th>
                </tr>
              </thead>
              <tbody>
                {acknowledged.map((alarm) => (
                  <tr key={alarm.id}>
                    <th scope="row">{t(alarmKindKey(alarm.kind))}</th>
                    <td>{alarm.doorName ?? "—"}</td>
                    <td>{alarm.readerName ?? `#${alarm.readerId}`}</td>
                    <td className="nowrap">{formatInstant(alarm.raisedAt, language)}</td>
                    <td>{alarm.acknowledgedBy ?? "—"}</td>
                    <td className="nowrap">
                      {alarm.acknowledgedAt === null ? "—" : formatInstant(alarm.acknowledgedAt, language)}
                    </td>
                    <td className="wrap">{alarm.comment ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
