import { toLocalDate } from "@tobira/core";
import type { Executor } from "../db/transaction";

/** Accounts without a staff record (system administrators) are always active; leavers are not. */
export async function isStaffActive(db: Executor, staffId: number | null, at: Date): Promise<boolean> {
  if (staffId === null) return true;
  const staff = await db.selectFrom("staff").select("end_date").where("id", "=", staffId).executeTakeFirst();
  if (!staff) return false;
  return staff.end_date === null || staff.end_date >= toLocalDate(at);
}
