import { requestKindNames } from "@tobira/protocol";
import { getRequest } from "../../api/requests";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { todayInTokyo } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";
import { navigate, useLocation } from "../../router/history";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { useUser } from "../../session/session";
import { PaperHeader } from "./paper-header";
import { draftFromContent, emptyDraft } from "./request-draft";
import { RequestForm } from "./request-form";
import { formTitleKey, isRequestKind, kindKey, type RequestKind } from "./request-labels";
import { useMyStaff } from "./use-my-staff";

/** 申請: choose a kind, then fill in its form; `?resubmit=` reopens a returned request. */
export function RequestNewScreen() {
  const { t } = useI18n();
  const user = useUser();
  const { search } = useLocation();
  const kind = search.get("kind");
  const resubmit = Number(search.get("resubmit"));
  const resubmitId = Number.isSafeInteger(resubmit) && resubmit > 0 ? resubmit : null;
  const me = useMyStaff(user.staffId);

  if (user.staffId === null) {
    return (
      <>
        <PageHeading title={t("request.newTitle")} />
        <p className="empty">{t("request.noStaff")}</p>
      </>
    );
  }
  if (resubmitId !== null) return <ResubmitForm id={resubmitId} />;
  if (!isRequestKind(kind)) return <KindChooser />;

  const staff = me.data?.staff;
  return (
    <>
      <PageHeading title={t(kindKey(kind))}>
        <Link to={paths.requestNew()} className="button button--secondary">
          {t("request.otherKinds")}
        </Link>
      </PageHeading>
      <PaperHeader
        title={t(formTitleKey(kind))}
        applicant={user.displayName}
        department={staff?.departmentName ?? ""}
        date={todayInTokyo()}
      />
      <ErrorSummary error={me.error} />
      {me.loading && me.data === undefined ? <Loading /> : null}
      {me.data === undefined ? null : (
        <RequestForm
          key={kind}
          initial={emptyDraft(kind, todayInTokyo())}
          resubmitId={null}
          canOrderForOthers={me.data?.isSectionHead ?? false}
          onDone={(saved) => navigate(paths.request(saved.id))}
        />
      )}
    </>
  );
}

function KindChooser() {
  const { t } = useI18n();
  const kinds: readonly RequestKind[] = requestKindNames;
  return (
    <>
      <PageHeading title={t("request.newTitle")} />
      <p className="lead">{t("request.chooseKind")}</p>
      <ul className="card-list">
        {kinds.map((kind) => (
          <li key={kind} className="card">
            <h2>
              <Link to={paths.requestNew({ kind })}>{t(kindKey(kind))}</Link>
            </h2>
            <p>{t(`request.kindHint.${kind}`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A returned request, its form filled with what was sent; submitting resubmits it. */
function ResubmitForm({ id }: { id: number }) {
  const { t } = useI18n();
  const result = useQuery(`request:${id}`, (signal) => getRequest(id, signal));
  const request = result.data;
  const returnReason = request?.history.findLast((entry) => entry.action === "return")?.reason;
  return (
    <>
      <PageHeading
        title={request === undefined ? t("request.resubmitTitle") : t(kindKey(request.content.kind))}
      >
        <Link to={paths.request(id)} className="button button--secondary">
          {t("request.backToDetail")}
        </Link>
      </PageHeading>
      <ErrorSummary error={result.error} />
      {result.loading && request === undefined ? <Loading /> : null}
      {request === undefined ? null : (
        <>
          <PaperHeader
            title={t(formTitleKey(request.content.kind))}
            applicant={request.applicant.name}
            department={request.department.name}
            date={todayInTokyo()}
          />
          {returnReason === undefined ? null : (
            <p className="notice">{t("request.returnedBecause", { reason: returnReason })}</p>
          )}
          {request.allowedActions.includes("resubmit") ? (
            <RequestForm
              initial={draftFromContent(request.content)}
              resubmitId={id}
              canOrderForOthers={false}
              onDone={(saved) => navigate(paths.request(saved.id))}
            />
          ) : (
            <p className="notice">{t("request.cannotResubmit")}</p>
          )}
        </>
      )}
    </>
  );
}
