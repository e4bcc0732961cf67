import type { SessionUser } from "@tobira/protocol";
import { useI18n } from "../i18n/i18n";
import { useLocation } from "../router/history";
import { Link } from "../router/link";
import { paths } from "../router/routes";
import { useNavItems } from "./nav-items";

export function MainNav({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const items = [
    { path: paths.home, label: t("nav.home") },
    ...useNavItems(user).map((item) => ({ ...item, label: t(item.label) })),
  ];
  const isCurrent = (path: string) =>
    path === paths.home ? pathname === path : pathname === path || pathname.startsWith(`${path}/`);
  return (
    <nav className="main-nav" aria-label={t("nav.label")}>
      <ul>
        {items.map((item) => (
          <li key={item.path}>
            <Link to={item.path} aria-current={isCurrent(item.path) ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
