import { portalSummarySchema, portalTapsQuerySchema, portalTapsSchema } from "@tobira/protocol";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { type Api, signedInUser } from "../http/api";
import { listMyTaps } from "./my-taps";
import { readPortalSummary } from "./read-portal-summary";

const tags = ["portal"];

function ownStaffId(staffId: number | null): number {
  if (staffId === null) throw new AppError("not_found", "This account is not tied to a staff member");
  return staffId;
}

// The staff portal: only the signed-in person's own data, whatever their roles.
export function registerPortalRoutes(api: Api, deps: Deps): void {
  api.get(
    "/api/portal/taps",
    {
      config: { access: "signedIn" },
      schema: { tags, querystring: portalTapsQuerySchema, response: { 200: portalTapsSchema } },
    },
    async (request) =>
      listMyTaps(deps.db, ownStaffId(signedInUser(request).staffId), request.query, deps.clock.now()),
  );

  api.get(
    "/api/portal/summary",
    { config: { access: "signedIn" }, schema: { tags, response: { 200: portalSummarySchema } } },
    async (request) => readPortalSummary(deps, ownStaffId(signedInUser(request).staffId)),
  );
}
