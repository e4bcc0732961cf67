import type { AccessAlarmKind } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { NewAccessEventRow } from "../db/schema";
import type { Executor } from "../db/transaction";
import { insertAlarm } from "./alarm-repository";

/** This many live refusals of one card at one door within the window raise repeated_refusals. */
export const repeatedRefusalCount = 3;
export const repeatedRefusalWindowMs = 60_000;

const alarmOfEventKind: ReadonlyMap<string, AccessAlarmKind> = new Map([
  ["door_forced", "forced_open"],
  ["door_held", "held_open"],
  ["tamper", "tamper"],
  ["reader_offline", "reader_offline"],
  ["clock_skew", "clock_skew"],
]);

/** The alarm an event raises by its kind alone, or null. */
export function alarmKindOfEvent(kind: string): AccessAlarmKind | null {
  return alarmOfEventKind.get(kind) ?? null;
}

function isLiveRefusal(row: NewAccessEventRow): row is NewAccessEventRow & {
  credential_key: string;
  door_id: number;
} {
  return (
    row.live === 1 &&
    row.kind === "decision" &&
    row.granted === 0 &&
    typeof row.credential_key === "string" &&
    typeof row.door_id === "number"
  );
}

async function countRecentRefusals(
  trx: Executor,
  row: NewAccessEventRow & { credential_key: string; door_id: number },
): Promise<number> {
  const since = new Date(Date.parse(row.occurred_at) - repeatedRefusalWindowMs).toISOString();
  const result = await trx
    .selectFrom("access_event")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("credential_key", "=", row.credential_key)
    .where("door_id", "=", row.door_id)
    .where("kind", "=", "decision")
    .where("granted", "=", 0)
    .where("live", "=", 1)
    .where("occurred_at", ">", since)
    .where("occurred_at", "<=", row.occurred_at)
    .executeTakeFirstOrThrow();
  return Number(result.n);
}

/**
 * Raises the alarms of freshly stored events, in the ingestion's transaction. Late events never raise
 * one: an alarm is a call to act now, and the moment has passed. Each alarm is audited.
 */
export async function raiseAlarms(
  trx: Executor,
  rows: readonly NewAccessEventRow[],
  raisedAt: Date,
): Promise<number> {
  let raised = 0;
  for (const row of rows) {
    if (row.live !== 1) continue;
    let kind = alarmKindOfEvent(row.kind);
    // Exactly at the threshold, so a burst raises one alarm rather than one per further refusal.
    if (kind === null && isLiveRefusal(row) && (await countRecentRefusals(trx, row)) === repeatedRefusalCount)
      kind = "repeated_refusals";
    if (kind === null) continue;
    const alarm = {
      kind,
      doorId: row.door_id ?? null,
      readerId: row.reader_id,
      raisedAt: raisedAt.toISOString(),
      eventSeq: row.seq,
    };
    const id = await insertAlarm(trx, alarm);
    await appendAudit(
      trx,
      {
        actor: `reader:${row.reader_id}`,
        action: "access.alarmRaised",
        targetType: "alarm",
        targetId: id,
        details: { ...alarm, eventId: row.event_id },
      },
      raisedAt,
    );
    raised += 1;
  }
  return raised;
}
