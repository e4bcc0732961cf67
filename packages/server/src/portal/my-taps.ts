import { addDays, daysBetween, type LocalDate, toLocalDate } from "@tobira/core";
import type { PortalTapDto, PortalTapsDto } from "@tobira/protocol";
import { startOfTokyoDate } from "../attendance/month-dates";
import type { Executor } from "../db/transaction";
import { AppError } from "../errors";

const maxDays = 31;
const defaultDays = 7;
// A month of taps at every door is a few hundred; this only bounds a runaway reader.
const maxTaps = 5000;

/**
 * My card's taps at doors and attendance terminals between two local dates (inclusive, at most 31
 * days), newest first: where, and whether the door opened or why not.
 */
export async function listMyTaps(
  db: Executor,
  staffId: number,
  range: { from?: LocalDate | undefined; to?: LocalDate | undefined },
  now: Date,
): Promise<PortalTapsDto> {
  const to = range.to ?? toLocalDate(now);
  const from = range.from ?? addDays(to, -(defaultDays - 1));
  if (daysBetween(from, to) < 0)
    throw new AppError("validation_failed", "The period ends before it starts", [
      { path: "to", message: "must not be before from" },
    ]);
  if (daysBetween(from, to) >= maxDays)
    throw new AppError("validation_failed", `Ask for at most ${maxDays} days at a time`, [
      { path: "to", message: `must be at most ${maxDays} days from from, inclusive` },
    ]);
  const rows = await db
    .selectFrom("access_event as e")
    .innerJoin("access_reader as r", "r.id", "e.reader_id")
    .leftJoin("access_door as d", "d.id", "e.door_id")
    .select([
      "e.occurred_at",
      "e.kind",
      "e.granted",
      "e.reason",
      "e.punch",
      "e.direction",
      "r.name as reader_name",
      "d.name as door_name",
    ])
    .where("e.holder_id", "=", `staff:${staffId}`)
    .where("e.occurred_at", ">=", startOfTokyoDate(from).toISOString())
    .where("e.occurred_at", "<", startOfTokyoDate(addDays(to, 1)).toISOString())
    .orderBy("e.occurred_at", "desc")
    .orderBy("e.seq", "desc")
    .limit(maxTaps)
    .execute();
  const taps = rows.map(
    (row): PortalTapDto => ({
      at: row.occurred_at,
      kind: row.kind,
      readerName: row.reader_name,
      doorName: row.door_name,
      granted: row.granted === null ? null : row.granted === 1,
      reason: row.reason,
      punch: row.punch === "in" || row.punch === "out" ? row.punch : null,
      direction: row.direction,
    }),
  );
  return { from, to, taps };
}
