import type { Outbox, OutboxEvent } from "../outbox/outbox";

/** Events sent in one batch; the server takes up to 1000. */
export const deliveryBatchSize = 200;

/** At most this many places in a batch go to fresh events; a door taps far slower than a batch returns. */
export const freshShare = 40;

/**
 * The next batch to send: the oldest pending events, in sequence order. While a backlog fills whole
 * batches (after an outage), the events appended after `freshAfter` — the taps made while the previous
 * batch was in flight — take up to `freshShare` places in it, so the live stream is not held behind the
 * backlog. `freshAfter` is null for the first batch on a connection: then everything pending is backlog.
 */
export function nextBatch(outbox: Outbox, freshAfter: number | null): OutboxEvent[] {
  const oldest = outbox.pending(deliveryBatchSize);
  if (freshAfter === null || oldest.length < deliveryBatchSize) return oldest;
  const fresh = outbox.pendingAfter(freshAfter, freshShare);
  if (fresh.length === 0) return oldest;
  const freshIds = new Set(fresh.map((event) => event.eventId));
  const backlog = oldest
    .filter((event) => !freshIds.has(event.eventId))
    .slice(0, deliveryBatchSize - fresh.length);
  return [...backlog, ...fresh].sort((a, b) => a.sequence - b.sequence);
}
