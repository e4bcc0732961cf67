import type { ScheduleDto, ScheduleInput } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { conflictingField } from "./field-errors";
import { presentSchedule } from "./present-schedule";
import { recordAccessChange } from "./record-access-change";
import {
  countScheduleReferences,
  deleteSchedule,
  findSchedule,
  findScheduleIdByName,
  insertSchedule,
  updateSchedule,
} from "./schedule-repository";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

export async function createSchedule(
  { db, clock }: UseCaseDeps,
  actor: string,
  input: ScheduleInput,
): Promise<ScheduleDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    if ((await findScheduleIdByName(trx, input.name)) !== undefined) {
      throw conflictingField("name", "is already used by another schedule");
    }
    const id = await insertSchedule(trx, input);
    const after = await requireSchedule(trx, id);
    await recordAccessChange(
      trx,
      { actor, action: "access.scheduleCreated", targetType: "schedule", targetId: id, details: { after } },
      now,
    );
    return after;
  });
}

export async function editSchedule(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
  input: ScheduleInput,
): Promise<ScheduleDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const stored = await findSchedule(trx, id);
    if (!stored) throw notFound("The schedule");
    const sameName = await findScheduleIdByName(trx, input.name);
    if (sameName !== undefined && sameName !== id)
      throw conflictingField("name", "is already used by another schedule");
    const before = presentSchedule(stored);
    await updateSchedule(trx, id, input);
    const after = await requireSchedule(trx, id);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "access.scheduleUpdated",
        targetType: "schedule",
        targetId: id,
        details: { before, after },
      },
      now,
    );
    return after;
  });
}

export async function removeSchedule({ db, clock }: UseCaseDeps, actor: string, id: number): Promise<void> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const stored = await findSchedule(trx, id);
    if (!stored) throw notFound("The schedule");
    const { rules, doorModes } = await countScheduleReferences(trx, id);
    if (rules > 0) throw conflictingField("id", `is still used by ${rules} group rule(s)`);
    if (doorModes > 0) throw conflictingField("id", `still sets the mode of ${doorModes} door(s)`);
    await deleteSchedule(trx, id);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "access.scheduleRemoved",
        targetType: "schedule",
        targetId: id,
        details: { before: presentSchedule(stored) },
      },
      now,
    );
  });
}

async function requireSchedule(db: Executor, id: number): Promise<ScheduleDto> {
  const stored = await findSchedule(db, id);
  if (!stored) throw new Error(`schedule ${id} vanished inside its own transaction`);
  return presentSchedule(stored);
}
