import { SubNav, type SubNavSection } from "../../components/sub-nav";
import { paths } from "../../router/routes";

const sections: readonly SubNavSection[] = [
  { path: paths.requestProxies, label: "requestAdmin.proxies" },
  { path: paths.requestRoutes(), label: "requestAdmin.routes" },
];

/** Links between the two 承認の設定 screens. */
export function RequestAdminNav() {
  return <SubNav label="requestAdmin.sectionNav" sections={sections} />;
}
