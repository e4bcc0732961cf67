import { addDays } from "@tobira/core";
import type { Executor } from "../db/transaction";
import { AppError } from "../errors";
import { closeAssignment, insertAssignment, latestAssignment, type Placement } from "./staff-repository";

/**
 * Records a dated move (人事異動): the assignment in force ends the day before and the new one starts,
 * so every earlier 所属 stays in the history. A move dated on the latest assignment's first day
 * corrects that assignment instead.
 */
export async function placeStaff(db: Executor, staffId: number, placement: Placement): Promise<void> {
  const latest = await latestAssignment(db, staffId);
  if (!latest) {
    await insertAssignment(db, staffId, placement);
    return;
  }
  if (latest.valid_from > placement.validFrom) {
    throw new AppError(
      "conflict",
      `A later assignment already starts on ${latest.valid_from}; a move dated ${placement.validFrom} would rewrite history.`,
    );
  }
  if (latest.valid_from === placement.validFrom) {
    await db
      .updateTable("staff_assignment")
      .set({ department_id: placement.departmentId, position_id: placement.positionId, note: placement.note })
      .where("id", "=", latest.id)
      .execute();
    return;
  }
  const dayBefore = addDays(placement.validFrom, -1);
  // An assignment that already ended earlier (a leaver coming back) keeps its end date.
  if (latest.valid_to === null || latest.valid_to > dayBefore)
    await closeAssignment(db, latest.id, dayBefore);
  await insertAssignment(db, staffId, placement);
}
