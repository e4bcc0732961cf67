import {
  type AccessLogEntry,
  type AccessLogQuery,
  accessEventKindSchema,
  assuranceLevelSchema,
  readerSideSchema,
} from "@tobira/protocol";
import { staffHolderId } from "../access/holder-ids";
import type { Executor } from "../db/transaction";
import { findHolderNames } from "./holder-names";

export interface AccessLogFilter {
  /** Inclusive UTC instant. */
  from?: string | undefined;
  /** Exclusive UTC instant. */
  to?: string | undefined;
  staffId?: number | undefined;
  doorId?: number | undefined;
  /** Either side of the door. */
  areaId?: number | undefined;
  result?: "granted" | "denied" | undefined;
}

function selectLog(db: Executor, filter: AccessLogFilter) {
  let query = db
    .selectFrom("access_event as e")
    .leftJoin("access_reader as r", "r.id", "e.reader_id")
    .leftJoin("access_door as d", "d.id", "e.door_id")
    .leftJoin("access_area as a", "a.id", "d.to_area_id")
    .select([
      "e.seq",
      "e.event_id",
      "e.occurred_at",
      "e.received_at",
      "e.kind",
      "e.reader_id",
      "r.name as reader_name",
      "e.door_id",
      "d.name as door_name",
      "d.to_area_id as area_id",
      "a.name as area_name",
      "e.direction",
      "e.holder_id",
      "e.granted",
      "e.reason",
      "e.assurance",
      "e.live",
    ]);
  // Instants are compared as stored: normalised UTC ISO text sorts in time order.
  if (filter.from !== undefined)
    query = query.where("e.occurred_at", ">=", new Date(filter.from).toISOString());
  if (filter.to !== undefined) query = query.where("e.occurred_at", "<", new Date(filter.to).toISOString());
  if (filter.staffId !== undefined) query = query.where("e.holder_id", "=", staffHolderId(filter.staffId));
  if (filter.doorId !== undefined) query = query.where("e.door_id", "=", filter.doorId);
  const areaId = filter.areaId;
  if (areaId !== undefined)
    query = query.where((eb) => eb.or([eb("d.to_area_id", "=", areaId), eb("d.from_area_id", "=", areaId)]));
  if (filter.result !== undefined)
    query = query
      .where("e.kind", "=", "decision")
      .where("e.granted", "=", filter.result === "granted" ? 1 : 0);
  return query;
}

type LogRow = Awaited<ReturnType<ReturnType<typeof selectLog>["execute"]>>[number];

async function toEntries(db: Executor, rows: readonly LogRow[]): Promise<AccessLogEntry[]> {
  const names = await findHolderNames(
    db,
    rows.map((row) => row.holder_id),
  );
  return rows.map((row) => ({
    seq: Number(row.seq),
    eventId: row.event_id,
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
    kind: accessEventKindSchema.parse(row.kind),
    readerId: row.reader_id,
    readerName: row.reader_name,
    doorId: row.door_id,
    doorName: row.door_name,
    areaId: row.area_id,
    areaName: row.area_name,
    direction: row.direction === null ? null : readerSideSchema.parse(row.direction),
    holderId: row.holder_id,
    holderName: row.holder_id === null ? null : (names.get(row.holder_id) ?? null),
    granted: row.granted === null ? null : row.granted === 1,
    reason: row.reason,
    assurance: row.assurance === null ? null : assuranceLevelSchema.parse(row.assurance),
    live: row.live === 1,
  }));
}

/** A page of the log, newest stored first; `before` continues after the previous page's last seq. */
export async function listAccessLog(db: Executor, query: AccessLogQuery): Promise<AccessLogEntry[]> {
  let select = selectLog(db, query).orderBy("e.seq", "desc").limit(query.limit);
  if (query.before !== undefined) select = select.where("e.seq", "<", query.before);
  return toEntries(db, await select.execute());
}

/** Every entry in the filter, in the order things happened (for the monthly export). */
export async function listAccessLogInOrder(
  db: Executor,
  filter: AccessLogFilter,
  limit: number,
): Promise<AccessLogEntry[]> {
  const rows = await selectLog(db, filter).orderBy("e.occurred_at").orderBy("e.seq").limit(limit).execute();
  return toEntries(db, rows);
}
