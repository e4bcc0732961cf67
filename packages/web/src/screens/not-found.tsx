import { PageHeading } from "../components/page-heading";
import { useI18n } from "../i18n/i18n";
import { Link } from "../router/link";
import { paths } from "../router/routes";

export function NotFoundScreen() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("notFound.title")} />
      <p>{t("notFound.body")}</p>
      <p>
        <Link to={paths.home}>{t("common.backHome")}</Link>
      </p>
    </>
  );
}
