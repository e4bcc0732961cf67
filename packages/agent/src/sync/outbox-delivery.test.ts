import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AgentMessage } from "@tobira/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryLog } from "../../test/memory-log";
import type { Outbox } from "../outbox/outbox";
import { openSqliteOutbox } from "../outbox/sqlite-outbox";
import { createOutboxDelivery, deliveryBatchSize, type OutboxDelivery } from "./outbox-delivery";

type EventsMessage = Extract<AgentMessage, { type: "events" }>;

const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function setUp(options: { retryMs?: number; ackTimeoutMs?: number; connected?: () => boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "tobira-delivery-"));
  const outbox: Outbox = openSqliteOutbox(dataDir, () => new Date("2026-09-22T00:00:00Z"));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => outbox.close());
  const sent: EventsMessage[] = [];
  let stalls = 0;
  const delivery: OutboxDelivery = createOutboxDelivery({
    outbox,
    log: createMemoryLog(),
    send(message) {
      if (options.connected !== undefined && !options.connected()) return false;
      if (message.type === "events") sent.push(message);
      return true;
    },
    onStalled: () => {
      stalls += 1;
    },
    retryMs: options.retryMs ?? 20,
    ackTimeoutMs: options.ackTimeoutMs ?? 10_000,
  });
  cleanups.push(() => delivery.reset());
  const append = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      outbox.append({
        occurredAt: `2026-09-22T08:${String(i % 60).padStart(2, "0")}:00+09:00`,
        kind: "exit_button",
      }),
    );
  return { outbox, delivery, sent, append, stalls: () => stalls };
}

const idsOf = (message: EventsMessage | undefined) => message?.events.map((event) => event.eventId) ?? [];

describe("createOutboxDelivery", () => {
  it("sends at most one batch at a time, in sequence order, and the next only after the ack", () => {
    const { delivery, sent, append, outbox } = setUp();
    const events = append(deliveryBatchSize + 3);

    delivery.deliver();
    delivery.deliver();
    expect(sent).toHaveLength(1);
    expect(idsOf(sent[0])).toEqual(events.slice(0, deliveryBatchSize).map((event) => event.eventId));

    delivery.handleAck(sent[0]?.batchId ?? "", idsOf(sent[0]));
    expect(sent).toHaveLength(2);
    expect(idsOf(sent[1])).toEqual(events.slice(deliveryBatchSize).map((event) => event.eventId));
    delivery.handleAck(sent[1]?.batchId ?? "", idsOf(sent[1]));
    expect(outbox.length()).toBe(0);
  });

  it("ignores an ack for another batch and keeps its events", () => {
    const { delivery, sent, append, outbox } = setUp();
    const [event] = append(1);

    delivery.deliver();
    delivery.handleAck("another-batch", [event?.eventId ?? ""]);
    expect(outbox.length()).toBe(1);
    delivery.deliver();
    expect(sent).toHaveLength(1);
  });

  it("keeps the events the server did not acknowledge and sends them again later", async () => {
    const { delivery, sent, append, outbox } = setUp({ retryMs: 20 });
    const [first, second] = append(2);

    delivery.deliver();
    delivery.handleAck(sent[0]?.batchId ?? "", [first?.eventId ?? ""]);
    expect(outbox.length()).toBe(1);
    expect(sent).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(idsOf(sent[1])).toEqual([second?.eventId]);
  });

  it("sends a refused batch again after the retry wait, not at once", async () => {
    const { delivery, sent, append } = setUp({ retryMs: 20 });
    append(1);

    delivery.deliver();
    delivery.handleRefused(sent[0]?.batchId ?? "", "database busy");
    expect(sent).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sent).toHaveLength(2);
    expect(idsOf(sent[1])).toEqual(idsOf(sent[0]));
  });

  it("reports a batch that gets no answer as a stalled connection", async () => {
    const { delivery, append, stalls } = setUp({ ackTimeoutMs: 20 });
    append(1);

    delivery.deliver();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(stalls()).toBe(1);
  });

  it("starts over after a reset, sending the unacknowledged events again", () => {
    const { delivery, sent, append } = setUp();
    append(2);

    delivery.deliver();
    delivery.reset();
    delivery.deliver();
    expect(sent).toHaveLength(2);
    expect(idsOf(sent[1])).toEqual(idsOf(sent[0]));
    expect(sent[1]?.batchId).not.toBe(sent[0]?.batchId);
  });

  it("holds nothing in flight when there is no connection to send on", () => {
    let connected = false;
    const { delivery, sent, append } = setUp({ connected: () => connected });
    append(1);

    delivery.deliver();
    connected = true;
    delivery.deliver();
    expect(sent).toHaveLength(1);
  });
});
