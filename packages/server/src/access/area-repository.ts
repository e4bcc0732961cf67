import type { AreaDto, AreaInput } from "@tobira/protocol";
import type { AccessAreaRow } from "../db/schema";
import type { Executor } from "../db/transaction";

function toArea(row: AccessAreaRow): AreaDto {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    antiPassback: row.anti_passback === 1,
    twoPersonRule: row.two_person_rule === 1,
  };
}

function toRow(input: AreaInput) {
  return {
    name: input.name,
    parent_id: input.parentId,
    anti_passback: input.antiPassback ? 1 : 0,
    two_person_rule: input.twoPersonRule ? 1 : 0,
  };
}

export async function listAreas(db: Executor): Promise<AreaDto[]> {
  const rows = await db.selectFrom("access_area").selectAll().orderBy("id").execute();
  return rows.map(toArea);
}

export async function findArea(db: Executor, id: number): Promise<AreaDto | undefined> {
  const row = await db.selectFrom("access_area").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toArea(row) : undefined;
}

export async function insertArea(db: Executor, input: AreaInput): Promise<AreaDto> {
  const row = await db
    .insertInto("access_area")
    .values(toRow(input))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toArea(row);
}

export async function updateArea(db: Executor, id: number, input: AreaInput): Promise<AreaDto> {
  const row = await db
    .updateTable("access_area")
    .set(toRow(input))
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toArea(row);
}

export async function deleteArea(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("access_area").where("id", "=", id).execute();
}

/** What still points at an area: child areas and doors on either side. */
export async function countAreaReferences(
  db: Executor,
  id: number,
): Promise<{ children: number; doors: number }> {
  const children = await db
    .selectFrom("access_area")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("parent_id", "=", id)
    .executeTakeFirstOrThrow();
  const doors = await db
    .selectFrom("access_door")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where((eb) => eb.or([eb("from_area_id", "=", id), eb("to_area_id", "=", id)]))
    .executeTakeFirstOrThrow();
  return { children: Number(children.n), doors: Number(doors.n) };
}
