import { requestStatuses } from "@tobira/protocol";
import { listMyRequests, type RequestStatus } from "../../api/requests";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField } from "../../components/form-fields";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";
import { navigate, useLocation } from "../../router/history";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { kindKey, statusKey } from "./request-labels";
import { summariseContent } from "./request-summary";
import { StatusBadge } from "./status-badge";

/** 私の申請: what I have asked for, newest first, with where each one stands. */
export function MyRequestsScreen() {
  const { t, language } = useI18n();
  const { search } = useLocation();
  const status = requestStatuses.find((candidate) => candidate === search.get("status")) ?? null;
  const result = useQuery(`my-requests:${status ?? "all"}`, (signal) => listMyRequests(status, signal));
  const items = result.data;

  function chooseStatus(next: RequestStatus | null) {
    navigate(next === null ? paths.requestsMine : `${paths.requestsMine}?status=${next}`, { replace: true });
  }

  return (
    <>
      <PageHeading title={t("request.mineTitle")}>
        <Link to={paths.requestNew()} className="button">
          {t("request.new")}
        </Link>
      </PageHeading>
      <div className="toolbar">
        <SelectField
          id="my-requests-status"
          label={t("request.filterStatus")}
          value={status ?? ""}
          onChange={(event) =>
            chooseStatus(requestStatuses.find((candidate) => candidate === event.target.value) ?? null)
          }
        >
          <option value="">{t("request.allStatuses")}</option>
          {requestStatuses.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(statusKey(candidate) ?? "request.allStatuses")}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorSummary error={result.error} />
      {result.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("request.mineEmpty")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("request.mineCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("request.col.number")}</th>
                <th scope="col">{t("request.col.kind")}</th>
                <th scope="col">{t("request.col.content")}</th>
                <th scope="col">{t("request.col.status")}</th>
                <th scope="col">{t("request.col.updatedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((request) => (
                <tr key={request.id}>
                  <td className="nowrap">
                    <Link to={paths.request(request.id)}>{t("request.number", { id: request.id })}</Link>
                  </td>
                  <th scope="row">{t(kindKey(request.content.kind))}</th>
                  <td>{summariseContent(request.content, t, language)}</td>
                  <td className="nowrap">
                    <StatusBadge status={request.status} />
                  </td>
                  <td>{formatInstant(request.updatedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
