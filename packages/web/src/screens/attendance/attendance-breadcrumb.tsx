import { SubNav, type SubNavSection } from "../../components/sub-nav";
import { paths } from "../../router/routes";

const sections: readonly SubNavSection[] = [
  { path: paths.attendanceRules, label: "attendance.rules" },
  { path: paths.attendancePatterns, label: "attendance.patterns" },
  { path: paths.attendanceDesignations, label: "attendance.designations" },
];

/** Links between the three 勤務の規則 screens. */
export function AttendanceBreadcrumb() {
  return <SubNav label="attendance.sectionNav" sections={sections} />;
}
