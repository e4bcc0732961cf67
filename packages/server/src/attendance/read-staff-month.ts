import type { StaffMonthDto } from "@tobira/protocol";
import type { Deps } from "../deps";
import { computeStaffMonth } from "./compute-staff-month";
import { readMonthCloseState } from "./month-close-state";
import { findMonthDepartmentId } from "./month-members";
import { computeCapStatuses } from "./overtime-cap-status";
import { presentStaffMonth } from "./present-staff-month";

const notClosed = { closed: false, closedByDepartmentId: null, history: [] };

/** A person's month as the API answers it, with their caps and whether their department closed it. */
export async function readStaffMonth(
  deps: Pick<Deps, "db">,
  staffId: number,
  month: string,
): Promise<StaffMonthDto> {
  const computed = await computeStaffMonth(deps, staffId, month);
  const departmentId = await findMonthDepartmentId(deps.db, staffId, month);
  const close = departmentId === null ? notClosed : await readMonthCloseState(deps.db, departmentId, month);
  const caps = await computeCapStatuses(
    deps,
    [{ staffId, departmentId: departmentId ?? 0, monthMinutes: computed.totals.capMinutes }],
    month,
  );
  const status = caps.get(staffId);
  if (!status) throw new Error(`no cap status was computed for staff ${staffId}`);
  return presentStaffMonth(computed, status, close);
}
