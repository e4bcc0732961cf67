import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { OutboxEvent } from "../../../agent/src/outbox/outbox";
import { dialects } from "../databases";
import { openFaultAgent, prepareAgentKey, waitUntilDelivered } from "./fault-agent";
import { buildFaultBuilding } from "./fault-building";
import { cleanUp, onCleanup } from "./fault-cleanups";
import { createFaultDatabase } from "./fault-database";
import { findFreePort } from "./free-port";
import { removeServerBundle, startServerProcess } from "./server-process";
import { duplicatedIds, isAscending, isGapless, readStoredEvents } from "./stored-events";

const backlog = 10_000;
const otherDoorTapEveryMs = 100;
afterEach(cleanUp);
afterAll(removeServerBundle);

const milliseconds = (values: readonly number[]) => values.map((value) => Math.round(value)).join(" / ");

describe.each(dialects)("an agent back after a long outage [%s]", (dialect) => {
  // How soon taps made during the catch-up arrive is a figure (docs/reliability.md); what is asserted is
  // that they overtook the backlog instead of waiting behind it.
  it(`delivers a backlog of ${backlog} events oldest first, once each, with the live taps of its own door and another ahead of it`, async () => {
    const database = await createFaultDatabase(dialect);
    onCleanup(() => database.drop());
    const dir = mkdtempSync(join(tmpdir(), "tobira-fault-agents-"));
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    const dataDirs = [join(dir, "returning"), join(dir, "online")];
    const [readerId = -1, otherReaderId = -1] = await buildFaultBuilding(
      database.store,
      dataDirs.map(prepareAgentKey),
    );
    const agent = openFaultAgent(dataDirs[0] ?? "", "returning-agent");
    const otherDoor = openFaultAgent(dataDirs[1] ?? "", "online-agent");
    onCleanup(() => agent.close());
    onCleanup(() => otherDoor.close());

    const queueStarted = performance.now();
    for (let i = 0; i < backlog; i++) agent.decide();
    const queueMs = performance.now() - queueStarted;
    expect(agent.outbox.length()).toBe(backlog);

    const server = await startServerProcess(await findFreePort(), database.serverEnv);
    onCleanup(() => server.kill());
    otherDoor.connect(server.baseUrl);
    const firstTap = otherDoor.decide();
    await vi.waitFor(
      () => {
        if (!otherDoor.acknowledged.has(firstTap.eventId))
          throw new Error("the other door is not online yet");
      },
      { timeout: 60_000, interval: 5 },
    );

    const connectedAt = performance.now();
    agent.connect(server.baseUrl);
    await vi.waitFor(
      () => {
        if (agent.acknowledged.size === 0) throw new Error("the catch-up has not started");
      },
      { timeout: 60_000, interval: 5 },
    );
    const live = agent.decide();
    const liveAt = performance.now();
    const otherTaps: { event: OutboxEvent; at: number }[] = [];
    const tapping = setInterval(
      () => otherTaps.push({ event: otherDoor.decide(), at: performance.now() }),
      otherDoorTapEveryMs,
    );
    onCleanup(() => clearInterval(tapping));
    await waitUntilDelivered([agent], 300_000);
    clearInterval(tapping);
    const catchUpMs = performance.now() - connectedAt;
    await waitUntilDelivered([otherDoor], 60_000);
    const arrivedAfterMs = (eventId: string, at: number) =>
      (agent.acknowledgedAt.get(eventId) ??
        otherDoor.acknowledgedAt.get(eventId) ??
        Number.POSITIVE_INFINITY) - at;
    const liveMs = arrivedAfterMs(live.eventId, liveAt);
    const otherMs = otherTaps.map(({ event, at }) => arrivedAfterMs(event.eventId, at)).sort((a, b) => a - b);

    const stored = await readStoredEvents(database.store, [readerId, otherReaderId]);
    expect(duplicatedIds(stored)).toEqual([]);
    expect(stored.countById.size).toBe(backlog + 1 + 1 + otherTaps.length);
    for (const door of [agent, otherDoor])
      expect(door.appended.filter((id) => !stored.countById.has(id))).toEqual([]);
    const chained = stored.sequencesByReader.get(readerId) ?? [];
    expect(isGapless(chained)).toBe(true);
    expect(isAscending(chained.filter((sequence) => sequence !== live.sequence))).toBe(true);

    // Tapped once the first batch was acknowledged, the door's own tap goes out within two batches,
    // not after all twenty.
    const backlogStoredAfterLive = chained.length - 1 - chained.indexOf(live.sequence);
    expect(backlogStoredAfterLive).toBeGreaterThan(backlog / 2);
    // Another door's taps are stored between the backlog's batches, not after them.
    const backlogIds = new Set(agent.appended.filter((id) => id !== live.eventId));
    const firstOther = otherTaps[0]?.event.eventId ?? "";
    const backlogAfterFirstOther = stored.chainOrder
      .slice(stored.chainOrder.indexOf(firstOther))
      .filter((id) => backlogIds.has(id)).length;
    expect(otherTaps.length).toBeGreaterThan(0);
    expect(backlogAfterFirstOther).toBeGreaterThan(backlog / 2);

    console.info(
      `[${dialect}] ${backlog} events queued offline in ${Math.round(queueMs)} ms; caught up in ${Math.round(catchUpMs)} ms ` +
        `(${Math.round((backlog * 1000) / catchUpMs)} events/s); the door's own live tap arrived after ${Math.round(liveMs)} ms, ` +
        `ahead of ${backlogStoredAfterLive} backlog events; another door's ${otherTaps.length} taps during the catch-up arrived after ` +
        `p50 / p95 / max ${milliseconds([otherMs[Math.floor(otherMs.length / 2)] ?? 0, otherMs[Math.floor(otherMs.length * 0.95)] ?? 0, otherMs.at(-1) ?? 0])} ms`,
    );
  }, 900_000);
});
