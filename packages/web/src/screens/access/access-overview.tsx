import type { Permission } from "@tobira/protocol";
import { canAny } from "../../components/nav-items";
import { PageHeading } from "../../components/page-heading";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { useUser } from "../../session/session";

interface Section {
  path: string;
  label: MessageKey;
  description: MessageKey;
  permission: Permission | readonly Permission[];
}

const sections: readonly Section[] = [
  { path: paths.accessLog, label: "access.log", description: "access.logDesc", permission: "access.read" },
  {
    path: paths.accessMonitor,
    label: "access.monitor",
    description: "access.monitorDesc",
    permission: "access.read",
  },
  {
    path: paths.accessAgents,
    label: "access.agents",
    description: "access.agentsDesc",
    permission: "access.read",
  },
  {
    path: paths.accessAlarms,
    label: "access.alarms",
    description: "access.alarmsDesc",
    permission: "access.read",
  },
  {
    path: paths.accessOccupancy,
    label: "access.occupancy",
    description: "access.occupancyDesc",
    permission: "access.read",
  },
  {
    path: paths.accessDoors,
    label: "access.doors",
    description: "access.doorsDesc",
    permission: "access.read",
  },
  {
    path: paths.accessSchedules,
    label: "access.schedules",
    description: "access.schedulesDesc",
    permission: "access.read",
  },
  {
    path: paths.accessGroups,
    label: "access.groups",
    description: "access.groupsDesc",
    permission: "access.read",
  },
  {
    path: paths.accessGrants,
    label: "access.grants",
    description: "access.grantsDesc",
    permission: ["access.read", "access.approveGrant"],
  },
  {
    path: paths.accessExpiring,
    label: "access.expiring",
    description: "access.expiringDesc",
    permission: "access.read",
  },
  {
    path: paths.accessVisitors,
    label: "access.visitors",
    description: "access.visitorsDesc",
    permission: "visitor.issue",
  },
];

/** 入退室管理: the way into each part of access control the user may see. */
export function AccessOverviewScreen() {
  const { t } = useI18n();
  const user = useUser();
  const visible = sections.filter((section) => canAny(user, section.permission));
  return (
    <>
      <PageHeading title={t("access.title")} />
      <p className="lead">{t("access.intro")}</p>
      <ul className="card-list">
        {visible.map((section) => (
          <li key={section.path} className="card">
            <h2>
              <Link to={section.path}>{t(section.label)}</Link>
            </h2>
            <p>{t(section.description)}</p>
          </li>
        ))}
      </ul>
      {canAny(user, "access.read") ? <p>{t("access.staffHint")}</p> : null}
    </>
  );
}

/** The way back to the access overview, above each sub-screen's heading. */
export function AccessBreadcrumb() {
  const { t } = useI18n();
  return (
    <p className="breadcrumb">
      <Link to={paths.access}>{t("access.title")}</Link>
    </p>
  );
}
