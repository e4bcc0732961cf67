import type { RawTap } from "@tobira/core";
import type { Executor } from "../db/transaction";

/**
 * A person's attendance-terminal punches and granted door decisions (presence evidence) that occurred
 * in [from, to), as attendance reads them. Refused taps are no presence and are left out.
 */
export async function listStaffTaps(
  db: Executor,
  staffId: number,
  range: { from: Date; to: Date },
): Promise<RawTap[]> {
  const rows = await db
    .selectFrom("access_event")
    .select(["event_id", "occurred_at", "kind", "punch", "replaces_event_id", "granted"])
    .where("holder_id", "=", `staff:${staffId}`)
    .where("occurred_at", ">=", range.from.toISOString())
    .where("occurred_at", "<", range.to.toISOString())
    .where((eb) =>
      eb.or([eb("kind", "=", "punch"), eb.and([eb("kind", "=", "decision"), eb("granted", "=", 1)])]),
    )
    .orderBy("occurred_at")
    .orderBy("seq")
    .execute();
  const taps: RawTap[] = [];
  for (const row of rows) {
    if (row.kind === "decision") {
      taps.push({ eventId: row.event_id, at: row.occurred_at, kind: "door", granted: row.granted === 1 });
      continue;
    }
    if (row.punch !== "in" && row.punch !== "out") continue;
    taps.push({
      eventId: row.event_id,
      at: row.occurred_at,
      kind: "punch",
      punch: row.punch,
      ...(row.replaces_event_id === null ? {} : { replacesEventId: row.replaces_event_id }),
    });
  }
  return taps;
}
