import type { DoorDto, DoorInput } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { findArea } from "./area-repository";
import {
  countDoorReferences,
  deleteDoor,
  findDoor,
  findDoorIdByName,
  insertDoor,
  updateDoor,
} from "./door-repository";
import { conflictingField, invalidField } from "./field-errors";
import { recordAccessChange } from "./record-access-change";
import { listScheduleIds } from "./schedule-repository";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

export async function createDoor(
  { db, clock }: UseCaseDeps,
  actor: string,
  input: DoorInput,
): Promise<DoorDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    await checkDoor(trx, input, null);
    const door = await insertDoor(trx, input);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "access.doorCreated",
        targetType: "door",
        targetId: door.id,
        details: { after: door },
      },
      now,
    );
    return door;
  });
}

export async function editDoor(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
  input: DoorInput,
): Promise<DoorDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const before = await findDoor(trx, id);
    if (!before) throw notFound("The door");
    await checkDoor(trx, input, id);
    const after = await updateDoor(trx, id, input);
    await recordAccessChange(
      trx,
      { actor, action: "access.doorUpdated", targetType: "door", targetId: id, details: { before, after } },
      now,
    );
    return after;
  });
}

export async function removeDoor({ db, clock }: UseCaseDeps, actor: string, id: number): Promise<void> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await findDoor(trx, id);
    if (!before) throw notFound("The door");
    const { readers, rules, grants } = await countDoorReferences(trx, id);
    if (readers > 0) throw conflictingField("id", `still has ${readers} reader(s); remove them first`);
    if (rules > 0)
      throw conflictingField("id", `is still named in ${rules} group rule(s); remove them first`);
    // Grants stay as the record of who was let in; a door with grants is kept.
    if (grants > 0) throw conflictingField("id", `has ${grants} temporary grant(s) on record and is kept`);
    await deleteDoor(trx, id);
    await recordAccessChange(
      trx,
      { actor, action: "access.doorRemoved", targetType: "door", targetId: id, details: { before } },
      now,
    );
  });
}

async function checkDoor(db: Executor, input: DoorInput, selfId: number | null): Promise<void> {
  if (!(await findArea(db, input.fromAreaId))) throw invalidField("fromAreaId", "is not an existing area");
  if (!(await findArea(db, input.toAreaId))) throw invalidField("toAreaId", "is not an existing area");
  const scheduleIds = new Set(await listScheduleIds(db));
  input.modes.forEach((mode, index) => {
    if (!scheduleIds.has(mode.scheduleId))
      throw invalidField(`modes.${index}.scheduleId`, "is not an existing schedule");
  });
  const sameName = await findDoorIdByName(db, input.name);
  if (sameName !== undefined && sameName !== selfId)
    throw conflictingField("name", "is already used by another door");
}
