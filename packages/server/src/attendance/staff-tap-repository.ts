import type { RawTap } from "@tobira/core";
import type { Executor } from "../db/transaction";

const holderPrefix = "staff:";

/**
 * These people's attendance-terminal punches and granted door decisions (presence evidence) that occurred
 * in [from, to), as attendance reads them, by staff id. Refused taps are no presence and are left out.
 */
export async function listStaffTaps(
  db: Executor,
  staffIds: readonly number[],
  range: { from: Date; to: Date },
): Promise<Map<number, RawTap[]>> {
  const taps = new Map<number, RawTap[]>(staffIds.map((id) => [id, []]));
  if (staffIds.length === 0) return taps;
  const rows = await db
    .selectFrom("access_event")
    .select(["holder_id", "event_id", "occurred_at", "kind", "punch", "replaces_event_id", "granted"])
    .where(
      "holder_id",
      "in",
      staffIds.map((id) => `${holderPrefix}${id}`),
    )
    .where("occurred_at", ">=", range.from.toISOString())
    .where("occurred_at", "<", range.to.toISOString())
    .where((eb) =>
      eb.or([eb("kind", "=", "punch"), eb.and([eb("kind", "=", "decision"), eb("granted", "=", 1)])]),
    )
    .orderBy("occurred_at")
    .orderBy("seq")
    .execute();
  for (const row of rows) {
    const tap = toRawTap(row);
    if (tap) taps.get(Number(row.holder_id?.slice(holderPrefix.length)))?.push(tap);
  }
  return taps;
}

function toRawTap(row: {
  event_id: string;
  occurred_at: string;
  kind: string;
  punch: string | null;
  replaces_event_id: string | null;
  granted: number | null;
}): RawTap | null {
  if (row.kind === "decision") {
    return { eventId: row.event_id, at: row.occurred_at, kind: "door", granted: row.granted === 1 };
  }
  if (row.punch !== "in" && row.punch !== "out") return null;
  return {
    eventId: row.event_id,
    at: row.occurred_at,
    kind: "punch",
    punch: row.punch,
    ...(row.replaces_event_id === null ? {} : { replacesEventId: row.replaces_event_id }),
  };
}
