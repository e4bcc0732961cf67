/** The route's URL with `:name` parameters filled in (each value URL-encoded). */
export function fillRoute(route: string, params: Record<string, string>): string {
  return route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? "1"));
}

/** Plausible values for every path parameter the API uses, so a call reaches its access check. */
export const plausibleParams: Record<string, string> = {
  id: "1",
  year: "2026",
  month: "2026-04",
  date: "2026-08-14",
  membershipId: "1",
  entryId: "1",
  departmentId: "1",
  book: "attendance",
  enrolmentId: "00000000-0000-4000-8000-000000000000",
};
