import type { OccupancyDto, OccupantDto } from "@tobira/protocol";
import { sql } from "kysely";
import type { Executor } from "../db/transaction";
import { findHolderNames } from "./holder-names";

/** Doors that have a reader on each side, so both entering and leaving are seen. */
async function findCountingDoors(db: Executor): Promise<number[]> {
  const readers = await db
    .selectFrom("access_reader")
    .select(["door_id", "side"])
    .where("door_id", "is not", null)
    .where("side", "is not", null)
    .execute();
  const sides = new Map<number, Set<string>>();
  for (const reader of readers) {
    if (reader.door_id === null || reader.side === null) continue;
    const seen = sides.get(reader.door_id) ?? new Set<string>();
    seen.add(reader.side);
    sides.set(reader.door_id, seen);
  }
  return [...sides].filter(([, seen]) => seen.has("entry") && seen.has("exit")).map(([doorId]) => doorId);
}

/**
 * Who is inside, derived from the log alone (so it can always be recomputed): each holder's latest live,
 * granted passage through a door with readers on both sides; an entry puts the holder in the door's
 * inner area (toArea), an exit takes them out of it. Late events are left out, like every live action.
 */
export async function listOccupants(db: Executor): Promise<OccupantDto[]> {
  return findOccupants(db, await findCountingDoors(db));
}

async function findOccupants(db: Executor, doorIds: readonly number[]): Promise<OccupantDto[]> {
  if (doorIds.length === 0) return [];
  // Each holder's latest passage by when it happened: readers deliver late after an outage, and a door's
  // entry and exit readers deliver independently, so arrival order is not passage order.
  const lastPassages = db
    .selectFrom("access_event")
    .select([
      "seq",
      sql<number>`row_number() over (partition by holder_id order by occurred_at desc, seq desc)`.as(
        "recency",
      ),
    ])
    .where("kind", "=", "decision")
    .where("granted", "=", 1)
    .where("live", "=", 1)
    .where("holder_id", "is not", null)
    .where("direction", "is not", null)
    .where("door_id", "in", doorIds);
  const rows = await db
    .selectFrom(lastPassages.as("l"))
    .innerJoin("access_event as e", "e.seq", "l.seq")
    .innerJoin("access_door as d", "d.id", "e.door_id")
    .innerJoin("access_area as a", "a.id", "d.to_area_id")
    .select([
      "e.holder_id",
      "e.occurred_at",
      "d.id as door_id",
      "d.name as door_name",
      "a.id as area_id",
      "a.name as area_name",
    ])
    .where("l.recency", "=", 1)
    .where("e.direction", "=", "entry")
    .execute();
  const names = await findHolderNames(
    db,
    rows.map((row) => row.holder_id),
  );
  const occupants: OccupantDto[] = [];
  for (const row of rows) {
    if (row.holder_id === null) continue;
    occupants.push({
      holderId: row.holder_id,
      name: names.get(row.holder_id) ?? null,
      areaId: row.area_id,
      areaName: row.area_name,
      doorId: row.door_id,
      doorName: row.door_name,
      enteredAt: row.occurred_at,
    });
  }
  return occupants.sort(
    (a, b) =>
      a.areaName.localeCompare(b.areaName, "ja") ||
      (a.name ?? a.holderId).localeCompare(b.name ?? b.holderId, "ja"),
  );
}

/** Occupancy per area that has a counted door, empty areas included so the screen shows a 0. */
export async function summariseOccupancy(db: Executor): Promise<OccupancyDto> {
  const doorIds = await findCountingDoors(db);
  if (doorIds.length === 0) return { areas: [] };
  const areas = await db
    .selectFrom("access_door as d")
    .innerJoin("access_area as a", "a.id", "d.to_area_id")
    .select(["a.id", "a.name"])
    .where("d.id", "in", doorIds)
    .distinct()
    .orderBy("a.name")
    .execute();
  const occupants = await findOccupants(db, doorIds);
  return {
    areas: areas.map((area) => {
      const inside = occupants.filter((occupant) => occupant.areaId === area.id);
      return { areaId: area.id, areaName: area.name, count: inside.length, occupants: inside };
    }),
  };
}
