import { type AccessAlarmDto, type AccessAlarmKind, accessAlarmKindSchema } from "@tobira/protocol";
import type { Executor } from "../db/transaction";

export interface NewAlarm {
  kind: AccessAlarmKind;
  doorId: number | null;
  readerId: number;
  raisedAt: string;
  eventSeq: number;
}

export async function insertAlarm(db: Executor, alarm: NewAlarm): Promise<number> {
  const row = await db
    .insertInto("access_alarm")
    .values({
      kind: alarm.kind,
      door_id: alarm.doorId,
      reader_id: alarm.readerId,
      raised_at: alarm.raisedAt,
      event_seq: alarm.eventSeq,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

function selectAlarms(db: Executor) {
  return db
    .selectFrom("access_alarm as a")
    .leftJoin("access_door as d", "d.id", "a.door_id")
    .leftJoin("access_reader as r", "r.id", "a.reader_id")
    .select([
      "a.id",
      "a.kind",
      "a.door_id",
      "d.name as door_name",
      "a.reader_id",
      "r.name as reader_name",
      "a.raised_at",
      "a.event_seq",
      "a.acknowledged_by",
      "a.acknowledged_at",
      "a.comment",
    ]);
}

type AlarmSelection = Awaited<ReturnType<ReturnType<typeof selectAlarms>["execute"]>>[number];

function toAlarm(row: AlarmSelection): AccessAlarmDto {
  return {
    id: row.id,
    kind: accessAlarmKindSchema.parse(row.kind),
    doorId: row.door_id,
    doorName: row.door_name,
    readerId: row.reader_id,
    readerName: row.reader_name,
    raisedAt: row.raised_at,
    eventSeq: Number(row.event_seq),
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    comment: row.comment,
  };
}

/** Newest first; `open` keeps only unacknowledged alarms, `false` only acknowledged ones. */
export async function listAlarms(db: Executor, open: boolean | undefined): Promise<AccessAlarmDto[]> {
  let query = selectAlarms(db).orderBy("a.id", "desc").limit(1000);
  if (open === true) query = query.where("a.acknowledged_at", "is", null);
  if (open === false) query = query.where("a.acknowledged_at", "is not", null);
  const rows = await query.execute();
  return rows.map(toAlarm);
}

export async function findAlarm(db: Executor, id: number): Promise<AccessAlarmDto | undefined> {
  const row = await selectAlarms(db).where("a.id", "=", id).executeTakeFirst();
  return row ? toAlarm(row) : undefined;
}

export async function markAlarmAcknowledged(
  db: Executor,
  id: number,
  by: string,
  at: string,
  comment: string,
): Promise<void> {
  await db
    .updateTable("access_alarm")
    .set({ acknowledged_by: by, acknowledged_at: at, comment })
    .where("id", "=", id)
    .execute();
}
