import { useI18n } from "../../i18n/i18n";
import { useLocation } from "../../router/history";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";

const sections = [
  { path: paths.attendanceRules, label: "attendance.rules" },
  { path: paths.attendancePatterns, label: "attendance.patterns" },
  { path: paths.attendanceDesignations, label: "attendance.designations" },
] as const;

/** Links between the three 勤務の規則 screens, marking the one shown. */
export function AttendanceBreadcrumb() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  return (
    <nav className="sub-nav" aria-label={t("attendance.sectionNav")}>
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
