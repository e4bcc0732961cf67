import { myMonthParamsSchema, staffMonthParamsSchema, staffMonthSchema } from "@tobira/protocol";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { type Api, signedInUser } from "../http/api";
import { computeStaffMonth } from "./compute-staff-month";
import { presentStaffMonth } from "./present-staff-month";

const tags = ["attendance"];

export function registerAttendanceRoutes(api: Api, deps: Deps): void {
  // Everyone reads their own month; an account not tied to a staff member has none.
  api.get(
    "/api/attendance/me/months/:month",
    {
      config: { access: "signedIn" },
      schema: { tags, params: myMonthParamsSchema, response: { 200: staffMonthSchema } },
    },
    async (request) => {
      const { staffId } = signedInUser(request);
      if (staffId === null) throw new AppError("not_found", "This account is not tied to a staff member");
      return presentStaffMonth(await computeStaffMonth(deps, staffId, request.params.month));
    },
  );

  // Section heads, HR and auditors read anyone's month.
  api.get(
    "/api/attendance/staff/:id/months/:month",
    {
      config: { access: "attendance.read" },
      schema: { tags, params: staffMonthParamsSchema, response: { 200: staffMonthSchema } },
    },
    async (request) =>
      presentStaffMonth(await computeStaffMonth(deps, request.params.id, request.params.month)),
  );
}
