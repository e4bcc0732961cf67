import { denyReasons } from "@tobira/core";
import type { AccessEventBatchResult, AccessEventInput, ErrorIssue } from "@tobira/protocol";
import { findReader } from "../access/reader-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { enqueueWebhookEvent, hasWebhookSubscribers } from "../integration/enqueue-webhook-event";
import { appendAccessEvents, lockAccessEventChain, type UnchainedAccessEvent } from "./access-event-chain";
import { raiseAlarms } from "./raise-alarms";

/**
 * An event that reaches the server more than this long after it happened (by the reader's clock) is
 * stored as late: it goes into the log but triggers no live action (alarms, who is inside).
 */
export const lateAfterMs = 120_000;

/** Whether an event that occurred at `occurredAt` and arrived at `receivedAt` is still live. */
export function isLiveEvent(occurredAt: string, receivedAt: Date): boolean {
  return receivedAt.getTime() - Date.parse(occurredAt) <= lateAfterMs;
}

const grantedReasons: readonly string[] = ["granted", "free_passage"];
const deniedReasons: readonly string[] = denyReasons;

function checkReasons(events: readonly AccessEventInput[]): void {
  const issues: ErrorIssue[] = [];
  events.forEach((event, index) => {
    if (event.reason === undefined) return;
    const allowed = event.granted === true ? grantedReasons : event.granted === false ? deniedReasons : [];
    if (!allowed.includes(event.reason))
      issues.push({
        path: `body.events.${index}.reason`,
        message:
          event.granted === undefined
            ? "is only given with granted"
            : `must be one of ${allowed.join(", ")} when granted is ${event.granted}`,
      });
  });
  if (issues.length > 0) throw new AppError("validation_failed", "Some events are not valid", issues);
}

/**
 * Stores a reader's batch of events once each, in one transaction: an event id already stored (or
 * repeated in the batch) is acknowledged as a duplicate and not stored again. The door and direction
 * come from the reader's configuration, never from the reader's report.
 */
export async function ingestAccessEvents(
  { db, clock }: Pick<Deps, "db" | "clock">,
  readerId: number,
  events: readonly AccessEventInput[],
): Promise<AccessEventBatchResult> {
  checkReasons(events);
  const receivedAt = clock.now();
  return db.transaction().execute(async (trx) => {
    const reader = await findReader(trx, readerId);
    if (!reader)
      throw new AppError(
        "not_found",
        `Reader ${readerId} is not registered; add it under the building's readers before sending its events`,
      );
    // Locked before the duplicate check, so two batches carrying the same new event cannot both store it.
    await lockAccessEventChain(trx);
    const ids = [...new Set(events.map((event) => event.eventId))];
    const stored =
      ids.length === 0
        ? []
        : await trx.selectFrom("access_event").select("event_id").where("event_id", "in", ids).execute();
    const seen = new Set(stored.map((row) => row.event_id));
    const accepted: string[] = [];
    const duplicates: string[] = [];
    const fresh: UnchainedAccessEvent[] = [];
    for (const event of events) {
      if (seen.has(event.eventId)) {
        duplicates.push(event.eventId);
        continue;
      }
      seen.add(event.eventId);
      accepted.push(event.eventId);
      const occurredAt = new Date(event.occurredAt).toISOString();
      fresh.push({
        event_id: event.eventId,
        reader_id: reader.id,
        door_id: reader.doorId,
        occurred_at: occurredAt,
        received_at: receivedAt.toISOString(),
        kind: event.kind,
        credential_key: event.credentialKey ?? null,
        holder_id: event.holderId ?? null,
        granted: event.granted === undefined ? null : Number(event.granted),
        reason: event.reason ?? null,
        assurance: event.assurance ?? null,
        direction: reader.side,
        live: Number(isLiveEvent(occurredAt, receivedAt)),
        sequence: event.sequence ?? null,
        punch: event.punch ?? null,
        replaces_event_id: event.replacesEventId ?? null,
      });
    }
    const rows = await appendAccessEvents(trx, fresh);
    await raiseAlarms(trx, rows, receivedAt);
    await announceAccessEvents(trx, fresh);
    return { accepted, duplicates };
  });
}

/**
 * Tells webhook subscribers about each stored event, with what the access log shows of it: never the
 * credential key, which names the card.
 */
async function announceAccessEvents(trx: Executor, events: readonly UnchainedAccessEvent[]): Promise<void> {
  if (events.length === 0 || !(await hasWebhookSubscribers(trx, "access.event"))) return;
  for (const event of events) {
    await enqueueWebhookEvent(trx, {
      type: "access.event",
      payload: {
        eventId: event.event_id,
        kind: event.kind,
        readerId: event.reader_id,
        doorId: event.door_id ?? null,
        direction: event.direction ?? null,
        holderId: event.holder_id ?? null,
        granted: event.granted === null || event.granted === undefined ? null : event.granted === 1,
        reason: event.reason ?? null,
        punch: event.punch ?? null,
        live: event.live === 1,
        occurredAt: event.occurred_at,
        sequence: event.sequence ?? null,
      },
      occurredAt: event.occurred_at,
    });
  }
}
