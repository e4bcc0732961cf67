import { findStaffBrief, type StaffBrief } from "../access/staff-lookup";
import type { Executor } from "../db/transaction";
import { AppError } from "../errors";

/** The staff member a card is enrolled to, or a visitor's host: someone employed on `today`. */
export async function requireCurrentStaff(
  db: Executor,
  staffId: number,
  today: string,
  path: string,
): Promise<StaffBrief> {
  const staff = await findStaffBrief(db, staffId);
  if (!staff) {
    throw new AppError("validation_failed", `Staff member ${staffId} does not exist.`, [
      { path, message: "does not exist" },
    ]);
  }
  if (staff.endDate !== null && staff.endDate < today) {
    throw new AppError(
      "validation_failed",
      `${staff.name} (${staff.staffNumber}) left on ${staff.endDate}.`,
      [{ path, message: `left on ${staff.endDate}` }],
    );
  }
  return staff;
}
