import type { Permission, SessionUser } from "@tobira/protocol";
import { ErrorSummary } from "./components/error-summary";
import { Layout } from "./components/layout";
import { Loading } from "./components/loading";
import { canAny } from "./components/nav-items";
import { PageHeading } from "./components/page-heading";
import { I18nProvider, useI18n } from "./i18n/i18n";
import { useLocation } from "./router/history";
import { matchRoute, type Route } from "./router/routes";
import { AccessLogScreen } from "./screens/access/access-log";
import { AccessOverviewScreen } from "./screens/access/access-overview";
import { AgentsScreen } from "./screens/access/agents";
import { AlarmsScreen } from "./screens/access/alarms";
import { DoorsScreen } from "./screens/access/doors";
import { ExpiringCredentialsScreen } from "./screens/access/expiring-credentials";
import { GrantsScreen } from "./screens/access/grants";
import { GroupDetailScreen } from "./screens/access/group-detail";
import { GroupsScreen } from "./screens/access/groups";
import { LiveMonitorScreen } from "./screens/access/live-monitor";
import { OccupancyScreen } from "./screens/access/occupancy";
import { SchedulesScreen } from "./screens/access/schedules";
import { VisitorsScreen } from "./screens/access/visitors";
import { DepartmentMonthScreen } from "./screens/attendance/department-month";
import { DesignationsScreen } from "./screens/attendance/designations";
import { MyMonthScreen } from "./screens/attendance/my-month";
import { PatternsScreen } from "./screens/attendance/patterns";
import { PayrollLayoutScreen } from "./screens/attendance/payroll-layout";
import { RulesScreen } from "./screens/attendance/rules";
import { StaffMonthScreen } from "./screens/attendance/staff-month";
import { AuditLogScreen } from "./screens/audit/audit-log";
import { PasswordChangeScreen } from "./screens/auth/password-change";
import { SignInScreen } from "./screens/auth/sign-in";
import { DoorPanelScreen } from "./screens/demo/door-panel";
import { ForbiddenScreen } from "./screens/forbidden";
import { HomeScreen } from "./screens/home";
import { StaffImportScreen } from "./screens/import/staff-import";
import { IntegrationScreen } from "./screens/integration/integration";
import { NotFoundScreen } from "./screens/not-found";
import { DepartmentsScreen } from "./screens/org/departments";
import { MyTapsScreen } from "./screens/portal/my-taps";
import { NotificationsScreen } from "./screens/portal/notifications";
import { PortalScreen } from "./screens/portal/portal";
import { InboxScreen } from "./screens/requests/inbox";
import { MyRequestsScreen } from "./screens/requests/my-requests";
import { RequestDetailScreen } from "./screens/requests/request-detail";
import { RequestNewScreen } from "./screens/requests/request-new";
import { ApprovalProxiesScreen } from "./screens/requests-admin/approval-proxies";
import { RouteRulesScreen } from "./screens/requests-admin/route-rules";
import { StaffDetailScreen } from "./screens/staff/staff-detail";
import { StaffDirectoryScreen } from "./screens/staff/staff-directory";
import { StaffNewScreen } from "./screens/staff/staff-new";
import { SessionProvider, useSession } from "./session/session";

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}

/** Decides what the visitor may see: sign-in, the forced password change, or the app itself. */
function Shell() {
  const { t } = useI18n();
  const { state, refresh } = useSession();
  const { pathname } = useLocation();

  switch (state.status) {
    case "loading":
      return (
        <Layout user={null} showNav={false} screenKey="loading">
          <Loading />
        </Layout>
      );
    case "failed":
      return (
        <Layout user={null} showNav={false} screenKey="failed">
          <PageHeading title={t("startup.failed")} />
          <ErrorSummary error={state.error} />
          <button type="button" className="button" onClick={() => void refresh()}>
            {t("common.retry")}
          </button>
        </Layout>
      );
    case "signedOut":
      return (
        <Layout user={null} showNav={false} screenKey="signedOut">
          <SignInScreen expired={state.reason === "expired"} />
        </Layout>
      );
    case "signedIn":
      if (state.user.mustChangePassword) {
        return (
          <Layout user={state.user} showNav={false} screenKey="forcedPassword">
            <PasswordChangeScreen forced />
          </Layout>
        );
      }
      return (
        <Layout user={state.user} showNav screenKey={`app:${pathname}`}>
          <RouteScreen user={state.user} route={matchRoute(pathname)} />
        </Layout>
      );
  }
}

const accessEntry: readonly Permission[] = ["access.read", "access.approveGrant", "visitor.issue"];

/** The permission a screen needs; a list means any one of them. */
const routePermission: Record<Route["name"], Permission | readonly Permission[] | null> = {
  home: null,
  staffList: "directory.read",
  staffNew: "staff.manage",
  staffDetail: "directory.read",
  departments: "directory.read",
  import: "staff.import",
  audit: "audit.read",
  password: "self.manage",
  access: accessEntry,
  accessDoors: "access.read",
  accessSchedules: "access.read",
  accessGroups: "access.read",
  accessGroup: "access.read",
  accessGrants: ["access.read", "access.approveGrant"],
  accessExpiring: "access.read",
  accessVisitors: "visitor.issue",
  accessLog: "access.read",
  accessMonitor: "access.read",
  accessAlarms: "access.read",
  accessOccupancy: "access.read",
  accessAgents: "access.read",
  attendanceRules: "attendanceRules.read",
  attendancePatterns: "attendanceRules.read",
  attendanceDesignations: "attendanceRules.read",
  attendanceMe: null,
  attendanceDepartments: "attendance.read",
  integration: "integration.manage",
  attendanceStaff: "attendance.read",
  payrollLayout: "payroll.export",
  demoDoorPanel: null,
  portal: "self.manage",
  portalTaps: "self.manage",
  requestNew: "self.manage",
  requestsMine: "self.manage",
  requestsInbox: "self.manage",
  requestDetail: "self.manage",
  requestProxies: "requests.manage",
  requestRoutes: "requests.manage",
  notifications: "self.manage",
  notFound: null,
};

function RouteScreen({ user, route }: { user: SessionUser; route: Route }) {
  const permission = routePermission[route.name];
  if (permission !== null && !canAny(user, permission)) return <ForbiddenScreen />;
  switch (route.name) {
    case "home":
      return <HomeScreen />;
    case "staffList":
      return <StaffDirectoryScreen />;
    case "staffNew":
      return <StaffNewScreen />;
    case "staffDetail":
      return <StaffDetailScreen key={route.id} id={route.id} />;
    case "departments":
      return <DepartmentsScreen />;
    case "import":
      return <StaffImportScreen />;
    case "audit":
      return <AuditLogScreen />;
    case "password":
      return <PasswordChangeScreen forced={false} />;
    case "access":
      return <AccessOverviewScreen />;
    case "accessDoors":
      return <DoorsScreen />;
    case "accessSchedules":
      return <SchedulesScreen />;
    case "accessGroups":
      return <GroupsScreen />;
    case "accessGroup":
      return <GroupDetailScreen key={route.id} id={route.id} />;
    case "accessGrants":
      return <GrantsScreen />;
    case "accessExpiring":
      return <ExpiringCredentialsScreen />;
    case "accessVisitors":
      return <VisitorsScreen />;
    case "accessLog":
      return <AccessLogScreen />;
    case "accessMonitor":
      return <LiveMonitorScreen />;
    case "accessAlarms":
      return <AlarmsScreen />;
    case "accessOccupancy":
      return <OccupancyScreen />;
    case "accessAgents":
      return <AgentsScreen />;
    case "attendanceRules":
      return <RulesScreen />;
    case "attendancePatterns":
      return <PatternsScreen />;
    case "attendanceDesignations":
      return <DesignationsScreen />;
    case "attendanceMe":
      return <MyMonthScreen />;
    case "attendanceDepartments":
      return <DepartmentMonthScreen />;
    case "attendanceStaff":
      return <StaffMonthScreen key={route.id} id={route.id} />;
    case "payrollLayout":
      return <PayrollLayoutScreen />;
    case "demoDoorPanel":
      return <DoorPanelScreen />;
    case "integration":
      return <IntegrationScreen />;
    case "portal":
      return <PortalScreen />;
    case "portalTaps":
      return <MyTapsScreen />;
    case "requestNew":
      return <RequestNewScreen />;
    case "requestsMine":
      return <MyRequestsScreen />;
    case "requestsInbox":
      return <InboxScreen />;
    case "requestDetail":
      return <RequestDetailScreen key={route.id} id={route.id} />;
    case "requestProxies":
      return <ApprovalProxiesScreen />;
    case "requestRoutes":
      return <RouteRulesScreen />;
    case "notifications":
      return <NotificationsScreen />;
    case "notFound":
      return <NotFoundScreen />;
  }
}
