import type { AccessGroupDto, AccessGroupInput } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { listDoors } from "./door-repository";
import { conflictingField, invalidField } from "./field-errors";
import { deleteGroup, findGroup, findGroupIdByName, insertGroup, updateGroup } from "./group-repository";
import { listMemberships } from "./membership-repository";
import { recordAccessChange } from "./record-access-change";
import { listScheduleIds } from "./schedule-repository";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

export async function createGroup(
  { db, clock }: UseCaseDeps,
  actor: string,
  input: AccessGroupInput,
): Promise<AccessGroupDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    await checkGroup(trx, input, null);
    const group = await insertGroup(trx, input);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "access.groupCreated",
        targetType: "accessGroup",
        targetId: group.id,
        details: { after: group },
      },
      now,
    );
    return group;
  });
}

export async function editGroup(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
  input: AccessGroupInput,
): Promise<AccessGroupDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const before = await findGroup(trx, id);
    if (!before) throw notFound("The access group");
    await checkGroup(trx, input, id);
    const after = await updateGroup(trx, id, input);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "access.groupUpdated",
        targetType: "accessGroup",
        targetId: id,
        details: { before, after },
      },
      now,
    );
    return after;
  });
}

export async function removeGroup({ db, clock }: UseCaseDeps, actor: string, id: number): Promise<void> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await findGroup(trx, id);
    if (!before) throw notFound("The access group");
    const memberships = await listMemberships(trx, id);
    await deleteGroup(trx, id);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "access.groupRemoved",
        targetType: "accessGroup",
        targetId: id,
        details: { before, memberships },
      },
      now,
    );
  });
}

async function checkGroup(db: Executor, input: AccessGroupInput, selfId: number | null): Promise<void> {
  const doorIds = new Set((await listDoors(db)).map((d) => d.id));
  const scheduleIds = new Set(await listScheduleIds(db));
  input.rules.forEach((rule, index) => {
    if (!doorIds.has(rule.doorId)) throw invalidField(`rules.${index}.doorId`, "is not an existing door");
    if (!scheduleIds.has(rule.scheduleId))
      throw invalidField(`rules.${index}.scheduleId`, "is not an existing schedule");
  });
  const sameName = await findGroupIdByName(db, input.name);
  if (sameName !== undefined && sameName !== selfId)
    throw conflictingField("name", "is already used by another group");
}
