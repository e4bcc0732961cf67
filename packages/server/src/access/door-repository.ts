import { type DoorDto, type DoorInput, doorModeSchema } from "@tobira/protocol";
import type { AccessDoorRow } from "../db/schema";
import type { Executor } from "../db/transaction";

type DoorModeRow = { door_id: number; schedule_id: number; mode: string };

function toDoor(row: AccessDoorRow, modes: DoorModeRow[]): DoorDto {
  return {
    id: row.id,
    name: row.name,
    fromAreaId: row.from_area_id,
    toAreaId: row.to_area_id,
    defaultMode: doorModeSchema.parse(row.default_mode),
    modes: modes
      .filter((m) => m.door_id === row.id)
      .map((m) => ({ scheduleId: m.schedule_id, mode: doorModeSchema.parse(m.mode) })),
    exitButton: row.exit_button === 1,
    heldOpenSeconds: row.held_open_seconds,
    unlockSeconds: row.unlock_seconds,
  };
}

function toRow(input: DoorInput) {
  return {
    name: input.name,
    from_area_id: input.fromAreaId,
    to_area_id: input.toAreaId,
    default_mode: input.defaultMode,
    exit_button: input.exitButton ? 1 : 0,
    held_open_seconds: input.heldOpenSeconds,
    unlock_seconds: input.unlockSeconds,
  };
}

export async function listDoors(db: Executor): Promise<DoorDto[]> {
  const rows = await db.selectFrom("access_door").selectAll().orderBy("id").execute();
  const modes = await db
    .selectFrom("access_door_mode")
    .select(["door_id", "schedule_id", "mode"])
    .orderBy("door_id")
    .orderBy("position")
    .execute();
  return rows.map((row) => toDoor(row, modes));
}

export async function findDoor(db: Executor, id: number): Promise<DoorDto | undefined> {
  const row = await db.selectFrom("access_door").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const modes = await db
    .selectFrom("access_door_mode")
    .select(["door_id", "schedule_id", "mode"])
    .where("door_id", "=", id)
    .orderBy("position")
    .execute();
  return toDoor(row, modes);
}

export async function findDoorIdByName(db: Executor, name: string): Promise<number | undefined> {
  const row = await db.selectFrom("access_door").select("id").where("name", "=", name).executeTakeFirst();
  return row?.id;
}

async function saveModes(db: Executor, doorId: number, input: DoorInput): Promise<void> {
  await db.deleteFrom("access_door_mode").where("door_id", "=", doorId).execute();
  if (input.modes.length === 0) return;
  await db
    .insertInto("access_door_mode")
    .values(
      input.modes.map((m, position) => ({
        door_id: doorId,
        position,
        schedule_id: m.scheduleId,
        mode: m.mode,
      })),
    )
    .execute();
}

export async function insertDoor(db: Executor, input: DoorInput): Promise<DoorDto> {
  const { id } = await db
    .insertInto("access_door")
    .values(toRow(input))
    .returning("id")
    .executeTakeFirstOrThrow();
  await saveModes(db, id, input);
  return requireDoor(db, id);
}

export async function updateDoor(db: Executor, id: number, input: DoorInput): Promise<DoorDto> {
  await db.updateTable("access_door").set(toRow(input)).where("id", "=", id).execute();
  await saveModes(db, id, input);
  return requireDoor(db, id);
}

export async function deleteDoor(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("access_door").where("id", "=", id).execute();
}

async function requireDoor(db: Executor, id: number): Promise<DoorDto> {
  const door = await findDoor(db, id);
  if (!door) throw new Error(`door ${id} vanished inside its own transaction`);
  return door;
}

/** What still points at a door: readers, group rules and temporary grants. */
export async function countDoorReferences(
  db: Executor,
  id: number,
): Promise<{ readers: number; rules: number; grants: number }> {
  const count = async (table: "access_reader" | "access_rule" | "access_grant") => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("door_id", "=", id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    readers: await count("access_reader"),
    rules: await count("access_rule"),
    grants: await count("access_grant"),
  };
}
