import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/ja";
import { useLocation } from "../router/history";
import { Link } from "../router/link";

export interface SubNavSection {
  path: string;
  label: MessageKey;
}

/** Links between the screens of one area, marking the one shown. */
export function SubNav({ label, sections }: { label: MessageKey; sections: readonly SubNavSection[] }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  return (
    <nav className="sub-nav" aria-label={t(label)}>
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
