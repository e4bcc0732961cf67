import { listExpiring } from "../../api/credentials";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { credentialStatusKey } from "../../i18n/access-labels";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { fullName } from "../../lib/names";
import { useQuery } from "../../lib/use-query";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { AccessBreadcrumb } from "./access-overview";

/** マイナンバーカードの証明書 expiring within 90 days, fewest days left first. */
export function ExpiringCredentialsScreen() {
  const { t, language } = useI18n();
  const expiring = useQuery("credentials-expiring-90", (signal) => listExpiring(90, signal));
  const items = expiring.data?.items.toSorted((a, b) => a.daysLeft - b.daysLeft);
  return (
    <>
      <AccessBreadcrumb />
      <PageHeading title={t("access.expiring")} />
      <p className="lead">{t("expiring.intro")}</p>
      <ErrorSummary error={expiring.error} />
      {expiring.loading && items === undefined ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? <p className="empty">{t("expiring.none")}</p> : null}
      {items !== undefined && items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("expiring.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("expiring.daysLeft")}</th>
                <th scope="col">{t("staff.name")}</th>
                <th scope="col">{t("staff.department")}</th>
                <th scope="col">{t("staff.staffNumber")}</th>
                <th scope="col">{t("expiring.validTo")}</th>
                <th scope="col">{t("cards.status")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.credentialId}>
                  <td className="nowrap">
                    {item.daysLeft < 0
                      ? t("expiring.expired", { days: -item.daysLeft })
                      : t("expiring.days", { days: item.daysLeft })}
                  </td>
                  <th scope="row">
                    <Link to={paths.staff(item.staffId)}>{fullName(item)}</Link>
                  </th>
                  <td>{item.departmentName ?? "—"}</td>
                  <td className="nowrap">{item.staffNumber}</td>
                  <td>{formatInstant(item.validTo, language)}</td>
                  <td>{t(credentialStatusKey(item.status))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
