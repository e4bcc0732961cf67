/** Every screen the app knows, matched from the path alone; query strings stay with the screen. */
export type Route =
  | { name: "home" }
  | { name: "staffList" }
  | { name: "staffNew" }
  | { name: "staffDetail"; id: number }
  | { name: "departments" }
  | { name: "import" }
  | { name: "audit" }
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
  | { name: "demoDoorPanel" }
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
    case "/demo/door-panel":
      return { name: "demoDoorPanel" };
  }
  const group = Number(/^\/access\/groups\/(\d+)$/.exec(path)?.[1]);
  if (Number.isSafeInteger(group) && group > 0) return { name: "accessGroup", id: group };
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
  demoDoorPanel: "/demo/door-panel",
} as const;
