import { type ReaderDto, type ReaderInput, readerKindSchema, readerSideSchema } from "@tobira/protocol";
import type { AccessReaderRow } from "../db/schema";
import type { Executor } from "../db/transaction";

function toReader(row: AccessReaderRow): ReaderDto {
  return {
    id: row.id,
    name: row.name,
    kind: readerKindSchema.parse(row.kind),
    doorId: row.door_id,
    side: row.side === null ? null : readerSideSchema.parse(row.side),
  };
}

function toRow(input: ReaderInput) {
  return { name: input.name, kind: input.kind, door_id: input.doorId, side: input.side };
}

export async function listReaders(db: Executor): Promise<ReaderDto[]> {
  const rows = await db.selectFrom("access_reader").selectAll().orderBy("id").execute();
  return rows.map(toReader);
}

export async function findReader(db: Executor, id: number): Promise<ReaderDto | undefined> {
  const row = await db.selectFrom("access_reader").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toReader(row) : undefined;
}

export async function findReaderIdByName(db: Executor, name: string): Promise<number | undefined> {
  const row = await db.selectFrom("access_reader").select("id").where("name", "=", name).executeTakeFirst();
  return row?.id;
}

export async function insertReader(db: Executor, input: ReaderInput): Promise<ReaderDto> {
  const row = await db
    .insertInto("access_reader")
    .values(toRow(input))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toReader(row);
}

export async function updateReader(db: Executor, id: number, input: ReaderInput): Promise<ReaderDto> {
  const row = await db
    .updateTable("access_reader")
    .set(toRow(input))
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toReader(row);
}

export async function deleteReader(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("access_reader").where("id", "=", id).execute();
}
