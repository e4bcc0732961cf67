import type { Position, PositionInput } from "@tobira/protocol";
import type { PositionRow } from "../db/schema";
import type { Executor } from "../db/transaction";

function toPosition(row: PositionRow): Position {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    rank: row.rank,
    isSectionHead: row.is_section_head === 1,
  };
}

export async function listPositions(db: Executor): Promise<Position[]> {
  return (await db.selectFrom("position").selectAll().orderBy("rank").orderBy("code").execute()).map(
    toPosition,
  );
}

export async function insertPosition(db: Executor, input: PositionInput): Promise<Position> {
  const row = await db
    .insertInto("position")
    .values({
      code: input.code,
      name: input.name,
      rank: input.rank,
      is_section_head: input.isSectionHead ? 1 : 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPosition(row);
}
