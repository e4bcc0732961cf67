import type { Executor } from "../db/transaction";
import { AppError } from "../errors";

/** Every door a visitor card is to open must exist. */
export async function assertDoorsExist(db: Executor, doorIds: readonly number[]): Promise<void> {
  if (doorIds.length === 0) return;
  const rows = await db.selectFrom("access_door").select("id").where("id", "in", doorIds).execute();
  const known = new Set(rows.map((row) => row.id));
  const index = doorIds.findIndex((doorId) => !known.has(doorId));
  if (index === -1) return;
  throw new AppError("validation_failed", `Door ${doorIds[index]} does not exist.`, [
    { path: `doorIds.${index}`, message: "does not exist" },
  ]);
}
