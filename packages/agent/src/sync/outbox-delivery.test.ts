import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AgentMessage } from "@tobira/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryLog } from "../../test/memory-log";
import type { Outbox } from "../outbox/outbox";
import { openSqliteOutbox } from "../outbox/sqlite-outbox";
import { freshShare } from "./next-batch";
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
const sequencesOf = (message: EventsMessage | undefined) =>
  message?.events.map((event) => event.sequence) ?? [];
const isAscending = (values: readonly (number | undefined)[]) =>
  values.every((value, i) => i === 0 || (value ?? 0) > (values[i - 1] ?? 0));

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

  it("sends the taps made during a catch-up in the next batch, beside the oldest of the backlog", () => {
    const { delivery, sent, append, outbox } = setUp();
    const backlog = append(deliveryBatchSize * 3);

    delivery.deliver();
    const fresh = append(2);
    delivery.handleAck(sent[0]?.batchId ?? "", idsOf(sent[0]));

    const second = sent[1];
    expect(second?.events).toHaveLength(deliveryBatchSize);
    expect(idsOf(second)).toEqual([
      ...backlog.slice(deliveryBatchSize, 2 * deliveryBatchSize - 2).map((event) => event.eventId),
      ...fresh.map((event) => event.eventId),
    ]);
    expect(isAscending(sequencesOf(second))).toBe(true);

    delivery.handleAck(second?.batchId ?? "", idsOf(second));
    expect(idsOf(sent[2])).toEqual(
      backlog.slice(2 * deliveryBatchSize - 2, 3 * deliveryBatchSize - 2).map((event) => event.eventId),
    );
    delivery.handleAck(sent[2]?.batchId ?? "", idsOf(sent[2]));
    delivery.handleAck(sent[3]?.batchId ?? "", idsOf(sent[3]));
    expect(outbox.length()).toBe(0);
    const everySent = sent.flatMap((message) => idsOf(message));
    expect(new Set(everySent).size).toBe(everySent.length);
    expect(everySent).toHaveLength(backlog.length + fresh.length);
  });

  it("gives fresh taps at most their share of a batch, and the rest of it to the backlog", () => {
    const { delivery, sent, append } = setUp();
    const backlog = append(deliveryBatchSize * 2);

    delivery.deliver();
    const fresh = append(freshShare + 5);
    delivery.handleAck(sent[0]?.batchId ?? "", idsOf(sent[0]));

    expect(idsOf(sent[1])).toEqual([
      ...backlog.slice(deliveryBatchSize, 2 * deliveryBatchSize - freshShare).map((event) => event.eventId),
      ...fresh.slice(0, freshShare).map((event) => event.eventId),
    ]);
  });

  it("treats everything pending as backlog again on a new connection, oldest first", () => {
    const { delivery, sent, append } = setUp();
    const backlog = append(deliveryBatchSize * 2);

    delivery.deliver();
    const fresh = append(1);
    delivery.reset();
    delivery.deliver();

    expect(idsOf(sent[1])).toEqual(backlog.slice(0, deliveryBatchSize).map((event) => event.eventId));
    expect(idsOf(sent[1])).not.toContain(fresh[0]?.eventId);
  });
});
