import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type DemoCard, openDemoCard, prepareDemoCards } from "../../src/demo/demo-cards";
import { createSimulatedDoor } from "../../src/door/simulated-door";
import type { TapOutcome } from "../../src/door-role";
import { quietReaders } from "../../src/tap/quiet-readers";
import { createVirtualReaders } from "../../src/tap/virtual-readers";
import { approveDoorAgent, describeLog, type E2eAgent, startDoorAgent } from "./e2e-agent";
import { addAccessGroup, addE2eStaff, bindCard, buildE2eDoor, type E2eDoor, findCard } from "./e2e-building";
import { type E2eServer, startE2eServer } from "./e2e-server";
import { readReaderEvents } from "./server-events";

const readerName = "書庫 入口 (virtual)";

/** The card shown at each tap, and what the snapshot must decide for it. */
const tapPlan: readonly { card: string; granted: boolean; reason: string }[] = [
  { card: "felica-staff", granted: true, reason: "granted" },
  { card: "felica-unknown", granted: false, reason: "unknown_card" },
  { card: "mynumber-archive", granted: false, reason: "outside_schedule" },
];

describe("a door agent while the server is down: decides from the snapshot, queues, then delivers", () => {
  const dir = mkdtempSync(join(tmpdir(), "tobira-e2e-offline-"));
  const sqlitePath = join(dir, "tobira.db");
  const readers = createVirtualReaders([readerName]);
  let server: E2eServer | undefined;
  let agent: E2eAgent | undefined;
  let door: E2eDoor;
  let cards: DemoCard[];

  function requireServer(): E2eServer {
    if (server === undefined) throw new Error("the server is not running");
    return server;
  }

  function requireAgent(): E2eAgent {
    if (agent === undefined) throw new Error("the agent did not start");
    return agent;
  }

  beforeAll(async () => {
    server = await startE2eServer({ sqlitePath });
    door = await buildE2eDoor(server, { name: "書庫", defaultMode: "locked", unlockSeconds: 1 });
    cards = await prepareDemoCards(join(dir, "cards"), new Date());
    const clerk = await addE2eStaff(server, ["戸籍", "住民"]);
    const archivist = await addE2eStaff(server, ["書庫", "担当"]);
    await addAccessGroup(
      server,
      { name: "書庫利用者", doorId: door.doorId, scheduleId: door.alwaysScheduleId, minimumAssurance: "tap" },
      [clerk],
    );
    await addAccessGroup(
      server,
      { name: "利用停止中", doorId: door.doorId, scheduleId: door.neverScheduleId, minimumAssurance: "tap" },
      [archivist],
    );
    await bindCard(server, findCard(cards, "felica-staff"), clerk);
    await bindCard(server, findCard(cards, "mynumber-archive"), archivist);
    agent = await startDoorAgent(
      {
        server: server.baseUrl,
        name: "書庫リーダー",
        dataDir: join(dir, "agent"),
        reader: { kind: "virtual" },
      },
      { readers: quietReaders(readers), hardware: createSimulatedDoor(), pinEntry: null },
    );
    await approveDoorAgent(server, agent, door.readerId);
  });

  afterAll(async () => {
    await agent?.close();
    await server?.close();
    await readers.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function tap(cardName: string): Promise<TapOutcome> {
    readers.insert(readerName, await openDemoCard(findCard(cards, cardName)));
    try {
      return await requireAgent().door.handleTap();
    } finally {
      readers.remove(readerName);
    }
  }

  it("keeps deciding 20 taps from the snapshot while the server is down, and delivers each exactly once and in order when it returns", async () => {
    const { handle, lines } = requireAgent();
    const online = [await tap("felica-staff"), await tap("felica-unknown")];
    await vi.waitFor(() => expect(handle.outbox.length()).toBe(0), { timeout: 5_000, interval: 20 });

    const port = requireServer().port;
    await requireServer().close();
    server = undefined;
    await vi.waitFor(() => expect(handle.link.isConnected()).toBe(false), { timeout: 5_000, interval: 20 });

    const offline: TapOutcome[] = [];
    for (let i = 0; i < 20; i++) {
      const planned = tapPlan[i % tapPlan.length];
      if (planned === undefined) throw new Error("an empty tap plan");
      const outcome = await tap(planned.card);
      expect({ granted: outcome.granted, reason: outcome.reason }, `offline tap ${i + 1}`).toEqual({
        granted: planned.granted,
        reason: planned.reason,
      });
      offline.push(outcome);
    }
    expect(handle.link.isConnected()).toBe(false);
    const queued = handle.outbox.pending(100);
    expect(queued.map((event) => event.eventId)).toEqual(offline.map((outcome) => outcome.eventId));

    server = await startE2eServer({ sqlitePath, port });
    const restarted = server;
    const taps = [...online, ...offline];
    const rows = await vi.waitFor(
      async () => {
        const stored = await readReaderEvents(restarted, door.readerId);
        if (handle.outbox.length() > 0 || stored.length < taps.length)
          throw new Error(
            `${stored.length} of ${taps.length} events at the server, ${handle.outbox.length()} still queued:\n${describeLog(lines)}`,
          );
        return stored;
      },
      { timeout: 20_000, interval: 50 },
    );

    const decisions = rows.filter((row) => row.kind === "decision");
    expect(decisions.map((row) => row.event_id)).toEqual(taps.map((outcome) => outcome.eventId));
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(rows.length);
    expect(decisions.map((row) => ({ granted: row.granted === 1, reason: row.reason }))).toEqual(
      taps.map((outcome) => ({ granted: outcome.granted, reason: outcome.reason })),
    );
    const sequences = rows.map((row) => row.sequence ?? Number.NaN);
    expect(sequences.every((sequence, i) => i === 0 || sequence > (sequences[i - 1] ?? Number.NaN))).toBe(
      true,
    );
  });
});
