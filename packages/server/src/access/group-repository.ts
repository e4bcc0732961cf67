import { type AccessGroupDto, type AccessGroupInput, assuranceLevelSchema } from "@tobira/protocol";
import type { Executor } from "../db/transaction";

type RuleRow = { group_id: number; door_id: number; schedule_id: number; minimum_assurance: string };

function toGroup(row: { id: number; name: string }, rules: RuleRow[]): AccessGroupDto {
  return {
    id: row.id,
    name: row.name,
    rules: rules
      .filter((r) => r.group_id === row.id)
      .map((r) => ({
        doorId: r.door_id,
        scheduleId: r.schedule_id,
        minimumAssurance: assuranceLevelSchema.parse(r.minimum_assurance),
      })),
  };
}

export async function listGroups(db: Executor): Promise<AccessGroupDto[]> {
  const groups = await db.selectFrom("access_group").selectAll().orderBy("id").execute();
  const rules = await db
    .selectFrom("access_rule")
    .select(["group_id", "door_id", "schedule_id", "minimum_assurance"])
    .orderBy("id")
    .execute();
  return groups.map((g) => toGroup(g, rules));
}

export async function findGroup(db: Executor, id: number): Promise<AccessGroupDto | undefined> {
  const group = await db.selectFrom("access_group").selectAll().where("id", "=", id).executeTakeFirst();
  if (!group) return undefined;
  const rules = await db
    .selectFrom("access_rule")
    .select(["group_id", "door_id", "schedule_id", "minimum_assurance"])
    .where("group_id", "=", id)
    .orderBy("id")
    .execute();
  return toGroup(group, rules);
}

export async function findGroupIdByName(db: Executor, name: string): Promise<number | undefined> {
  const row = await db.selectFrom("access_group").select("id").where("name", "=", name).executeTakeFirst();
  return row?.id;
}

export async function insertGroup(db: Executor, input: AccessGroupInput): Promise<AccessGroupDto> {
  const { id } = await db
    .insertInto("access_group")
    .values({ name: input.name })
    .returning("id")
    .executeTakeFirstOrThrow();
  await saveRules(db, id, input);
  return requireGroup(db, id);
}

export async function updateGroup(
  db: Executor,
  id: number,
  input: AccessGroupInput,
): Promise<AccessGroupDto> {
  await db.updateTable("access_group").set({ name: input.name }).where("id", "=", id).execute();
  await db.deleteFrom("access_rule").where("group_id", "=", id).execute();
  await saveRules(db, id, input);
  return requireGroup(db, id);
}

/** Removes the group with its rules and memberships (on delete cascade); the audit entry keeps them. */
export async function deleteGroup(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("access_group").where("id", "=", id).execute();
}

async function saveRules(db: Executor, groupId: number, input: AccessGroupInput): Promise<void> {
  if (input.rules.length === 0) return;
  await db
    .insertInto("access_rule")
    .values(
      input.rules.map((r) => ({
        group_id: groupId,
        door_id: r.doorId,
        schedule_id: r.scheduleId,
        minimum_assurance: r.minimumAssurance,
      })),
    )
    .execute();
}

async function requireGroup(db: Executor, id: number): Promise<AccessGroupDto> {
  const group = await findGroup(db, id);
  if (!group) throw new Error(`group ${id} vanished inside its own transaction`);
  return group;
}
