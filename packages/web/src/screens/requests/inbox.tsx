import { useState } from "react";
import { type BulkApproveResult, bulkApprove, listInbox } from "../../api/requests";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { bulkOutcome } from "./bulk-outcome";
import { kindKey, stepKey } from "./request-labels";
import { summariseContent } from "./request-summary";
import { StatusBadge } from "./status-badge";

/** 承認待ち: the requests waiting for my decision; tick several and approve them at once. */
export function InboxScreen() {
  const { t, language } = useI18n();
  const inbox = useQuery("requests-inbox", (signal) => listInbox(signal));
  const action = useAction();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [results, setResults] = useState<BulkApproveResult["results"]>([]);
  const items = inbox.data;
  const allSelected = items !== undefined && items.length > 0 && items.every((item) => selected.has(item.id));

  function toggle(id: number, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function approveSelected() {
    const ids = [...selected];
    if (ids.length === 0) return;
    const ok = await action.run(async () => {
      const answer = await bulkApprove(ids);
      setResults(answer.results);
      const counts = bulkOutcome(answer.results);
      return counts.failed === 0
        ? t("inbox.approvedAll", { count: counts.approved })
        : t("inbox.approvedSome", { count: counts.approved, failed: counts.failed });
    });
    if (ok) {
      setSelected(new Set());
      inbox.reload();
    }
  }

  // Refused rows stay listed after the reload; approved ones leave the inbox but keep their line of result.
  const refused = results.filter((result) => !result.ok);

  return (
    <>
      <PageHeading title={t("inbox.title")} />
      <ErrorSummary error={inbox.error ?? action.error} />
      <StatusMessage>{action.message}</StatusMessage>
      {refused.length > 0 ? (
        <ul className="notice" aria-label={t("inbox.refusedHeading")}>
          {refused.map((result) => (
            <li key={result.id}>{t("inbox.refused", { id: result.id, error: result.error ?? "" })}</li>
          ))}
        </ul>
      ) : null}
      {inbox.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("inbox.empty")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => void approveSelected()}
              disabled={selected.size === 0 || action.busy}
            >
              {t("inbox.bulkApprove", { count: selected.size })}
            </button>
          </div>
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("inbox.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label={t("inbox.selectAll")}
                      checked={allSelected}
                      onChange={(event) =>
                        setSelected(event.target.checked ? new Set(items.map((item) => item.id)) : new Set())
                      }
                    />
                  </th>
                  <th scope="col">{t("request.col.number")}</th>
                  <th scope="col">{t("request.applicant")}</th>
                  <th scope="col">{t("request.col.kind")}</th>
                  <th scope="col">{t("request.col.content")}</th>
                  <th scope="col">{t("request.col.step")}</th>
                  <th scope="col">{t("request.col.updatedAt")}</th>
                  <th scope="col">{t("inbox.result")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((request) => {
                  const step = request.step === null ? undefined : request.route[request.step];
                  const result = results.find((candidate) => candidate.id === request.id);
                  return (
                    <tr key={request.id}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t("inbox.select", { id: request.id, name: request.applicant.name })}
                          checked={selected.has(request.id)}
                          onChange={(event) => toggle(request.id, event.target.checked)}
                        />
                      </td>
                      <td className="nowrap">
                        <Link to={paths.request(request.id, "inbox")}>
                          {t("request.number", { id: request.id })}
                        </Link>
                      </td>
                      <th scope="row">
                        {request.applicant.name}
                        <span className="muted">{request.department.name}</span>
                      </th>
                      <td>
                        {t(kindKey(request.content.kind))}
                        {request.status === "cancelPending" ? <StatusBadge status={request.status} /> : null}
                      </td>
                      <td>{summariseContent(request.content, t, language)}</td>
                      <td className="nowrap">{step === undefined ? "—" : t(stepKey(step))}</td>
                      <td>{formatInstant(request.updatedAt, language)}</td>
                      <td>
                        {result === undefined
                          ? ""
                          : result.ok
                            ? t("inbox.resultOk")
                            : (result.error ?? t("inbox.resultFailed"))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
