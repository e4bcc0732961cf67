import { PageHeading } from "../components/page-heading";
import { useI18n } from "../i18n/i18n";
import { Link } from "../router/link";
import { paths } from "../router/routes";

/** Shown when the address names a screen the user's roles do not open; the server refuses anyway. */
export function ForbiddenScreen() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("forbidden.title")} />
      <p>{t("forbidden.body")}</p>
      <p>
        <Link to={paths.home}>{t("common.backHome")}</Link>
      </p>
    </>
  );
}
