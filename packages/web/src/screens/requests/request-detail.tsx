import type { RequestDto } from "@tobira/protocol";
import { getRequest } from "../../api/requests";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";
import { useLocation } from "../../router/history";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { ApplicantActions } from "./applicant-actions";
import { ApproverActions } from "./approver-actions";
import { RequestHistory } from "./request-history";
import { kindKey, stepKey } from "./request-labels";
import { contentFacts } from "./request-summary";
import { StatusBadge } from "./status-badge";

/** One request: what it asks, where it stands, its history, and what I may do with it now. */
export function RequestDetailScreen({ id }: { id: number }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const fromInbox = search.get("from") === "inbox";
  const result = useQuery(`request:${id}`, (signal) => getRequest(id, signal));
  const request = result.data;
  return (
    <>
      <PageHeading
        title={
          request === undefined
            ? t("request.number", { id })
            : `${t(kindKey(request.content.kind))}（${t("request.number", { id })}）`
        }
      >
        <Link to={fromInbox ? paths.requestsInbox : paths.requestsMine} className="button button--secondary">
          {fromInbox ? t("request.backToInbox") : t("request.backToMine")}
        </Link>
      </PageHeading>
      <ErrorSummary error={result.error} />
      {result.loading && request === undefined ? <Loading /> : null}
      {request === undefined ? null : (
        <>
          <RequestSummary request={request} />
          <ApproverActions request={request} onChanged={result.setData} />
          <ApplicantActions request={request} onChanged={result.setData} />
          <RequestHistory history={request.history} />
        </>
      )}
    </>
  );
}

function RequestSummary({ request }: { request: RequestDto }) {
  const { t, language } = useI18n();
  const facts = [
    { label: t("request.col.status"), value: <StatusBadge status={request.status} /> },
    { label: t("request.applicant"), value: `${request.applicant.name}（${request.applicant.staffNumber}）` },
    { label: t("request.department"), value: request.department.name },
    {
      label: t("request.route"),
      value: request.route
        .map((step, index) =>
          request.step === index ? t("request.routeCurrent", { step: t(stepKey(step)) }) : t(stepKey(step)),
        )
        .join(" → "),
    },
    { label: t("request.createdAt"), value: formatInstant(request.createdAt, language) },
    ...contentFacts(request.content, t, language),
  ];
  return (
    <section className="panel" aria-labelledby="request-summary-heading">
      <h2 id="request-summary-heading">{t("request.contentHeading")}</h2>
      <dl className="facts">
        {facts.map((fact) => (
          <div key={fact.label} className="facts__row">
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
