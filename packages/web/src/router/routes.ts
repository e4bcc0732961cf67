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
  }
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
} as const;
