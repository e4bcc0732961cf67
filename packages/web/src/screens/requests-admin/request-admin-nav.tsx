import { useI18n } from "../../i18n/i18n";
import { useLocation } from "../../router/history";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";

const sections = [
  { path: paths.requestProxies, label: "requestAdmin.proxies" },
  { path: paths.requestRoutes(), label: "requestAdmin.routes" },
] as const;

/** Links between the two 承認の設定 screens, marking the one shown. */
export function RequestAdminNav() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  return (
    <nav className="sub-nav" aria-label={t("requestAdmin.sectionNav")}>
      <ul>
        {sections.map((section) => (
          <li key={section.path}>
            <Link to={section.path} aria-current={pathname === section.path ? "page" : undefined}>
              {t(section.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
