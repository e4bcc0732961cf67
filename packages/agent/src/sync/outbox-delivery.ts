import { randomUUID } from "node:crypto";
import type { AgentMessage } from "@tobira/protocol";
import type { AgentLog } from "../log";
import type { Outbox } from "../outbox/outbox";
import { nextBatch } from "./next-batch";

export { deliveryBatchSize } from "./next-batch";

export interface OutboxDeliveryDeps {
  outbox: Outbox;
  log: AgentLog;
  /** Sends on the authenticated socket; false when there is none. */
  send(message: AgentMessage): boolean;
  /** Called when a batch goes unanswered: the connection is dead and must be dropped. */
  onStalled(): void;
  retryMs: number;
  ackTimeoutMs: number;
}

/**
 * Delivers the outbox over one connection: one batch in flight at a time, oldest events first, with the
 * taps made during a catch-up sent beside the backlog (see nextBatch); so events may arrive out of
 * sequence order, and each carries its sequence number and time. An event leaves the outbox only once the
 * server acknowledged it (accepted or duplicate), so a lost connection or a crash means the batch is sent
 * again and the server's dedup by event id keeps it exactly once.
 */
export interface OutboxDelivery {
  /** Sends the next batch now unless one is in flight. */
  deliver(): void;
  handleAck(batchId: string, acknowledged: readonly string[]): void;
  handleRefused(batchId: string, message: string): void;
  /** Forgets the batch in flight (the connection closed); its events stay in the outbox. */
  reset(): void;
}

interface InFlightBatch {
  batchId: string;
  eventIds: ReadonlySet<string>;
  timer: NodeJS.Timeout;
}

const category = "agent";

export function createOutboxDelivery(deps: OutboxDeliveryDeps): OutboxDelivery {
  const { outbox, log } = deps;
  let inFlight: InFlightBatch | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  // The outbox's newest sequence number when the last batch was sent on this connection.
  let sentUpTo: number | null = null;

  function clearInFlight(): void {
    if (inFlight !== null) clearTimeout(inFlight.timer);
    inFlight = null;
  }

  function clearRetry(): void {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function deliverLater(): void {
    if (retryTimer !== null) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      deliver();
    }, deps.retryMs);
  }

  function deliver(): void {
    if (inFlight !== null) return;
    clearRetry();
    const events = nextBatch(outbox, sentUpTo);
    if (events.length === 0) return;
    const batchId = randomUUID();
    if (!deps.send({ type: "events", batchId, events })) return;
    sentUpTo = outbox.lastSequence();
    const timer = setTimeout(() => {
      log.warn({ category, batchId }, "no answer to an events batch; reconnecting");
      deps.onStalled();
    }, deps.ackTimeoutMs);
    inFlight = { batchId, eventIds: new Set(events.map((event) => event.eventId)), timer };
  }

  return {
    deliver,
    handleAck(batchId, acknowledged) {
      if (inFlight === null || inFlight.batchId !== batchId) return;
      const batch = inFlight;
      clearInFlight();
      const delivered = acknowledged.filter((eventId) => batch.eventIds.has(eventId));
      outbox.acknowledge(delivered);
      if (new Set(delivered).size === batch.eventIds.size) {
        deliver();
        return;
      }
      log.warn(
        { category, batchId, sent: batch.eventIds.size, acknowledged: delivered.length },
        "the server acknowledged only part of a batch; sending the rest later",
      );
      deliverLater();
    },
    handleRefused(batchId, message) {
      if (inFlight === null || inFlight.batchId !== batchId) return;
      clearInFlight();
      log.warn({ category, batchId, message }, "the server refused an events batch; sending it again later");
      deliverLater();
    },
    reset() {
      clearInFlight();
      clearRetry();
      sentUpTo = null;
    },
  };
}
