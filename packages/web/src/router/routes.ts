/** Every screen the app knows, matched from the path alone; query strings stay with the screen. */
export type Route =
  | { name: "home" }
  | { name: "staffList" }
  | { name: "staffNew" }
  | { name: "staffDetail"; id: number }
  | { name: "departments" }
  | { name: "import" }
  | { name: "audit" }
  | { name: "integration" }
  | { name: "password" }
  | { name: "access" }
  | { name: "accessDoors" }
  | { name: "accessSchedules" }
  | { name: "accessGroups" }
  | { name: "accessGroup"; id: number }
  | { name: "accessGrants" }
  | { name: "accessExpiring" }
  | { name: "accessVisitors" }
  | { name: "accessLog" }
  | { name: "accessMonitor" }
  | { name: "accessAlarms" }
  | { name: "accessOccupancy" }
  | { name: "accessAgents" }
  | { name: "attendanceRules" }
  | { name: "attendancePatterns" }
  | { name: "attendanceDesignations" }
  | { name: "attendanceMe" }
  | { name: "attendanceDepartments" }
  | { name: "attendanceStaff"; id: number }
  | { name: "payrollLayout" }
  | { name: "demoDoorPanel" }
  | { name: "portal" }
  | { name: "portalTaps" }
  | { name: "requestNew" }
  | { name: "requestsMine" }
  | { name: "requestsInbox" }
  | { name: "requestDetail"; id: number }
  | { name: "requestProxies" }
  | { name: "requestRoutes" }
  | { name: "notifications" }
  | { name: "notFound" };

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  switch (path) {
    case "/":
      return { name: "home" };
    case "/staff":
      return { name: "staffList" };
    case "/staff/new":
      return { name: "staffNew" };
    case "/departments":
      return { name: "departments" };
    case "/import":
      return { name: "import" };
    case "/audit":
      return { name: "audit" };
    case "/integration":
      return { name: "integration" };
    case "/password":
      return { name: "password" };
    case "/access":
      return { name: "access" };
    case "/access/doors":
      return { name: "accessDoors" };
    case "/access/schedules":
      return { name: "accessSchedules" };
    case "/access/groups":
      return { name: "accessGroups" };
    case "/access/grants":
      return { name: "accessGrants" };
    case "/access/credentials/expiring":
      return { name: "accessExpiring" };
    case "/access/visitors":
      return { name: "accessVisitors" };
    case "/access/log":
      return { name: "accessLog" };
    case "/access/monitor":
      return { name: "accessMonitor" };
    case "/access/alarms":
      return { name: "accessAlarms" };
    case "/access/occupancy":
      return { name: "accessOccupancy" };
    case "/access/agents":
      return { name: "accessAgents" };
    case "/attendance/rules":
      return { name: "attendanceRules" };
    case "/attendance/patterns":
      return { name: "attendancePatterns" };
    case "/attendance/designations":
      return { name: "attendanceDesignations" };
    case "/attendance/me":
      return { name: "attendanceMe" };
    case "/attendance/departments":
      return { name: "attendanceDepartments" };
    case "/attendance/payroll-layout":
      return { name: "payrollLayout" };
    case "/demo/door-panel":
      return { name: "demoDoorPanel" };
    case "/portal":
      return { name: "portal" };
    case "/portal/taps":
      return { name: "portalTaps" };
    case "/requests/new":
      return { name: "requestNew" };
    case "/requests/mine":
      return { name: "requestsMine" };
    case "/requests/inbox":
      return { name: "requestsInbox" };
    case "/requests/proxies":
      return { name: "requestProxies" };
    case "/requests/routes":
      return { name: "requestRoutes" };
    case "/notifications":
      return { name: "notifications" };
  }
  const requestId = Number(/^\/requests\/(\d+)$/.exec(path)?.[1]);
  if (Number.isSafeInteger(requestId) && requestId > 0) return { name: "requestDetail", id: requestId };
  const group = Number(/^\/access\/groups\/(\d+)$/.exec(path)?.[1]);
  if (Number.isSafeInteger(group) && group > 0) return { name: "accessGroup", id: group };
  const attendanceStaff = Number(/^\/attendance\/staff\/(\d+)$/.exec(path)?.[1]);
  if (Number.isSafeInteger(attendanceStaff) && attendanceStaff > 0)
    return { name: "attendanceStaff", id: attendanceStaff };
  const staff = /^\/staff\/(\d+)$/.exec(path);
  const id = Number(staff?.[1]);
  if (Number.isSafeInteger(id) && id > 0) return { name: "staffDetail", id };
  return { name: "notFound" };
}

export const paths = {
  home: "/",
  staffList: "/staff",
  staffNew: "/staff/new",
  staff: (id: number) => `/staff/${id}`,
  departments: "/departments",
  import: "/import",
  audit: "/audit",
  integration: "/integration",
  password: "/password",
  access: "/access",
  accessDoors: "/access/doors",
  accessSchedules: "/access/schedules",
  accessGroups: "/access/groups",
  accessGroup: (id: number) => `/access/groups/${id}`,
  accessGrants: "/access/grants",
  accessExpiring: "/access/credentials/expiring",
  accessVisitors: "/access/visitors",
  accessLog: "/access/log",
  accessMonitor: "/access/monitor",
  accessAlarms: "/access/alarms",
  accessOccupancy: "/access/occupancy",
  accessAgents: "/access/agents",
  attendanceRules: "/attendance/rules",
  attendancePatterns: "/attendance/patterns",
  attendanceDesignations: "/attendance/designations",
  attendanceMe: "/attendance/me",
  attendanceMeMonth: (month: string) => `/attendance/me?month=${month}`,
  attendanceDepartments: "/attendance/departments",
  /** A department's month; without a department the screen asks for one. */
  attendanceDepartmentMonth: (departmentId: number | null, month: string) =>
    departmentId === null
      ? `/attendance/departments?month=${month}`
      : `/attendance/departments?department=${departmentId}&month=${month}`,
  /** A person's month; `date` and `kind` open the entry form ready, `department` leads back to its month. */
  attendanceStaff: (
    id: number,
    month: string,
    extra: { date?: string; kind?: string; department?: number } = {},
  ) => {
    const query = new URLSearchParams({ month });
    if (extra.date !== undefined) query.set("date", extra.date);
    if (extra.kind !== undefined) query.set("kind", extra.kind);
    if (extra.department !== undefined) query.set("department", String(extra.department));
    return `/attendance/staff/${id}?${query.toString()}`;
  },
  payrollLayout: "/attendance/payroll-layout",
  demoDoorPanel: "/demo/door-panel",
  portal: "/portal",
  portalTaps: "/portal/taps",
  /** 申請: the form of one kind; `resubmit` reopens a returned request with its content. */
  requestNew: (extra: { kind?: string; resubmit?: number } = {}) => {
    const query = new URLSearchParams();
    if (extra.kind !== undefined) query.set("kind", extra.kind);
    if (extra.resubmit !== undefined) query.set("resubmit", String(extra.resubmit));
    const text = query.toString();
    return text === "" ? "/requests/new" : `/requests/new?${text}`;
  },
  requestsMine: "/requests/mine",
  requestsInbox: "/requests/inbox",
  /** A request's detail; `from` says which list leads back (the inbox shows the approver's actions). */
  request: (id: number, from: "mine" | "inbox" = "mine") =>
    from === "inbox" ? `/requests/${id}?from=inbox` : `/requests/${id}`,
  /** 代決者 (HR). */
  requestProxies: "/requests/proxies",
  /** A section's approval route (HR); without a department the screen asks for one. */
  requestRoutes: (departmentId: number | null = null) =>
    departmentId === null ? "/requests/routes" : `/requests/routes?department=${departmentId}`,
  notifications: "/notifications",
} as const;
