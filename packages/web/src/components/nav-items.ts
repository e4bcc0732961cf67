import type { Permission } from "@tobira/protocol";
import type { MessageKey } from "../i18n/ja";
import { paths } from "../router/routes";

export interface NavItem {
  path: string;
  label: MessageKey;
  description: MessageKey;
  permission: Permission;
}

/** The sections of the app; each shows only to roles holding its permission. */
export const navItems: readonly NavItem[] = [
  { path: paths.staffList, label: "nav.staff", description: "home.staff", permission: "directory.read" },
  {
    path: paths.departments,
    label: "nav.departments",
    description: "home.departments",
    permission: "directory.read",
  },
  { path: paths.import, label: "nav.import", description: "home.import", permission: "staff.import" },
  { path: paths.audit, label: "nav.audit", description: "home.audit", permission: "audit.read" },
  { path: paths.password, label: "nav.password", description: "home.password", permission: "self.manage" },
];
