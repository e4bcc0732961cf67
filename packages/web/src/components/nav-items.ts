import { can, type Permission, type SessionUser } from "@tobira/protocol";
import type { MessageKey } from "../i18n/ja";
import { paths } from "../router/routes";
import { useDemoPanelAvailable } from "../screens/demo/use-demo-panel-available";

export interface NavItem {
  path: string;
  label: MessageKey;
  description: MessageKey;
  /** Shown when the user holds any one of these. */
  permission: Permission | readonly Permission[];
  /** Shown only to accounts tied to a staff member (their own attendance). */
  needsStaff?: boolean;
}

/** The sections of the app; each shows only to roles holding its permission. */
export const navItems: readonly NavItem[] = [
  {
    path: paths.portal,
    label: "nav.portal",
    description: "home.portal",
    permission: "self.manage",
    needsStaff: true,
  },
  { path: paths.staffList, label: "nav.staff", description: "home.staff", permission: "directory.read" },
  {
    path: paths.departments,
    label: "nav.departments",
    description: "home.departments",
    permission: "directory.read",
  },
  { path: paths.import, label: "nav.import", description: "home.import", permission: "staff.import" },
  {
    path: paths.access,
    label: "nav.access",
    description: "home.access",
    permission: ["access.read", "access.approveGrant", "visitor.issue"],
  },
  {
    path: paths.attendanceMe,
    label: "nav.attendanceMe",
    description: "home.attendanceMe",
    permission: "self.manage",
    needsStaff: true,
  },
  {
    path: paths.requestNew(),
    label: "nav.requestNew",
    description: "home.requestNew",
    permission: "self.manage",
    needsStaff: true,
  },
  {
    path: paths.requestsMine,
    label: "nav.requestsMine",
    description: "home.requestsMine",
    permission: "self.manage",
    needsStaff: true,
  },
  {
    // Approval follows the post (所属長) and HR, not a role: everyone with a staff record may look;
    // an empty inbox says so.
    path: paths.requestsInbox,
    label: "nav.requestsInbox",
    description: "home.requestsInbox",
    permission: "self.manage",
    needsStaff: true,
  },
  {
    path: paths.requestProxies,
    label: "nav.requestAdmin",
    description: "home.requestAdmin",
    permission: "requests.manage",
  },
  {
    path: paths.attendanceDepartments,
    label: "nav.attendanceDepartments",
    description: "home.attendanceDepartments",
    permission: "attendance.read",
  },
  {
    path: paths.payrollLayout,
    label: "nav.payrollLayout",
    description: "home.payrollLayout",
    permission: "payroll.export",
  },
  {
    path: paths.attendanceRules,
    label: "nav.attendanceRules",
    description: "home.attendanceRules",
    permission: "attendanceRules.read",
  },
  { path: paths.audit, label: "nav.audit", description: "home.audit", permission: "audit.read" },
  {
    path: paths.integration,
    label: "nav.integration",
    description: "home.integration",
    permission: "integration.manage",
  },
  { path: paths.password, label: "nav.password", description: "home.password", permission: "self.manage" },
];

/** The demo's virtual door panel, for every signed-in user, but only while the server runs the demo. */
export const demoNavItem: NavItem = {
  path: paths.demoDoorPanel,
  label: "nav.demoPanel",
  description: "home.demoPanel",
  permission: "self.manage",
};

/** The sections this user may open, with the demo panel when the server offers it. */
export function visibleNavItems(user: SessionUser, demoPanel: boolean): NavItem[] {
  const items = demoPanel ? [...navItems, demoNavItem] : navItems;
  return items.filter(
    (item) => canAny(user, item.permission) && (item.needsStaff !== true || user.staffId !== null),
  );
}

/** visibleNavItems, asking the server once whether it runs the demo. */
export function useNavItems(user: SessionUser): NavItem[] {
  return visibleNavItems(user, useDemoPanelAvailable());
}

/** True when the user holds the permission, or any one of a list of them. */
export function canAny(user: SessionUser, permission: Permission | readonly Permission[]): boolean {
  return typeof permission === "string" ? can(user, permission) : permission.some((one) => can(user, one));
}
