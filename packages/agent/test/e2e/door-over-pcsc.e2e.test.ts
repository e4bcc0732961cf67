import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { insertIntoVpcd, type ReaderEvent, type VpcdLink } from "@tobira/card";
import { loadCard } from "@tobira/card/virtual";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { lockVpcdSlot, vpcdReaderName, vpcdSlotHookTimeoutMs } from "../../../card/test/pcsc-harness";
import { readAccessVersion } from "../../../server/src/access/access-version";
import { okJson } from "../../../server/test/access-api";
import { type DemoCard, openDemoCard, prepareDemoCards } from "../../src/demo/demo-cards";
import { createSimulatedDoor, type SimulatedDoor } from "../../src/door/simulated-door";
import { createScriptedPinEntry, type ScriptedPinEntry } from "../../src/pin/scripted-pin-entry";
import { approveDoorAgent, describeLog, type E2eAgent, startDoorAgent } from "./e2e-agent";
import { addAccessGroup, addE2eStaff, bindCard, buildE2eDoor, type E2eDoor, findCard } from "./e2e-building";
import { type E2eServer, startE2eServer } from "./e2e-server";
import { waitForVpcdReaders } from "./pcscd-ready";
import { readReaderEvents, type ServerEvent } from "./server-events";

// Slot 0 of vsmartcard's vpcd, shared with the card package's PC/SC stack test under the slot lock.
const slot = 0;
const readerName = vpcdReaderName(slot);

describe("a door agent over PC/SC (pcscd + vpcd) with the real server: card + PIN at a secured door", () => {
  const dir = mkdtempSync(join(tmpdir(), "tobira-e2e-pcsc-"));
  let releaseSlot: (() => Promise<void>) | undefined;
  let server: E2eServer | undefined;
  let agent: E2eAgent | undefined;
  let door: E2eDoor;
  let hardware: SimulatedDoor;
  // Every drive of the lock relay, true for a release, so a test sees what the door itself did.
  const relayDrives: boolean[] = [];
  let pinEntry: ScriptedPinEntry;
  let cards: DemoCard[];
  const credentialIds = new Map<string, number>();
  let inserted: VpcdLink | null = null;

  function requireServer(): E2eServer {
    if (server === undefined) throw new Error("the server did not start");
    return server;
  }

  function requireAgent(): E2eAgent {
    if (agent === undefined) throw new Error("the agent did not start");
    return agent;
  }

  beforeAll(async () => {
    releaseSlot = await lockVpcdSlot(slot);
    await waitForVpcdReaders();
    server = await startE2eServer({ sqlitePath: join(dir, "tobira.db") });
    door = await buildE2eDoor(server, { name: "サーバ室", defaultMode: "secured", unlockSeconds: 1 });
    cards = await prepareDemoCards(join(dir, "cards"), new Date());
    const admin = await addE2eStaff(server, ["情報", "管理"]);
    const guarded = await addE2eStaff(server, ["残り", "一回"]);
    const archivist = await addE2eStaff(server, ["書庫", "担当"]);
    await addAccessGroup(
      server,
      {
        name: "サーバ室管理者",
        doorId: door.doorId,
        scheduleId: door.alwaysScheduleId,
        minimumAssurance: "tap",
      },
      [admin, guarded],
    );
    await addAccessGroup(
      server,
      { name: "利用停止中", doorId: door.doorId, scheduleId: door.neverScheduleId, minimumAssurance: "tap" },
      [archivist],
    );
    credentialIds.set("mynumber-server", await bindCard(server, findCard(cards, "mynumber-server"), admin));
    await bindCard(server, findCard(cards, "mynumber-last-try"), guarded);
    await bindCard(server, findCard(cards, "mynumber-archive"), archivist);

    const simulated = createSimulatedDoor();
    hardware = simulated;
    pinEntry = createScriptedPinEntry();
    agent = await startDoorAgent(
      {
        server: server.baseUrl,
        name: "サーバ室リーダー",
        dataDir: join(dir, "agent"),
        reader: { kind: "pcsc", name: readerName },
      },
      {
        hardware: {
          ...simulated,
          async setLockReleased(released) {
            relayDrives.push(released);
            await simulated.setLockReleased(released);
          },
        },
        pinEntry,
      },
    );
    await approveDoorAgent(server, agent, door.readerId);
    const readers = agent.handle.readers;
    await vi.waitFor(() => expect(readers.list()).toContain(readerName), { timeout: 10_000, interval: 50 });
  }, vpcdSlotHookTimeoutMs);

  // A failed test must not leave its card in the slot for the next one.
  afterEach(async () => {
    await removeCard();
  });

  afterAll(async () => {
    await agent?.close();
    await server?.close();
    await releaseSlot?.();
    rmSync(dir, { recursive: true, force: true });
  });

  function waitForReaderEvent(type: ReaderEvent["type"]): Promise<void> {
    const readers = requireAgent().handle.readers;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`pcscd reported no ${type} on ${readerName} within 10 s`));
      }, 10_000);
      const stop = readers.onEvent((event) => {
        if (event.type !== type || event.reader !== readerName) return;
        clearTimeout(timer);
        stop();
        resolve();
      });
    });
  }

  async function removeCard(): Promise<void> {
    const link = inserted;
    if (link === null) return;
    inserted = null;
    const removed = waitForReaderEvent("card-removed");
    await link.remove();
    await removed;
  }

  interface TapRecord {
    event: ServerEvent;
    prompts: string[];
    /** The lock relay's drives during the tap: true released it. */
    relayDrives: boolean[];
  }

  /**
   * Puts the card in the vpcd slot as a person holds it to the reader, answers a PIN prompt with `pin`
   * (if one opens), and waits for the tap's event to arrive in the server's access log.
   */
  async function tapCard(name: string, pin: string | null = null): Promise<TapRecord> {
    const running = requireServer();
    const { handle, door: role } = requireAgent();
    // The door relocks after its 1 s from an earlier grant before the next card comes.
    await vi.waitFor(
      () => {
        expect(role.controller.state().lock).toBe("locked");
        expect(hardware.isLockReleased()).toBe(false);
      },
      { timeout: 5_000, interval: 20 },
    );
    const drivesBefore = relayDrives.length;
    const before = await readReaderEvents(running, door.readerId);
    const lastSeq = before.at(-1)?.seq ?? 0;
    const prompts: string[] = [];
    const stopPrompts = pinEntry.onPromptChange((prompt) => {
      if (prompt === null) return;
      prompts.push(prompt);
      pinEntry.supply(pin);
    });
    try {
      const arrived = waitForReaderEvent("card-inserted");
      inserted = insertIntoVpcd(await openDemoCard(findCard(cards, name)), { slot });
      await inserted.ready;
      await arrived;
      const event = await vi.waitFor(
        async () => {
          const rows = await readReaderEvents(running, door.readerId);
          const row = rows.find((candidate) => candidate.seq > lastSeq && candidate.kind === "decision");
          if (row === undefined)
            throw new Error(
              `no decision from the reader at the server yet:\n${describeLog(requireAgent().lines)}`,
            );
          return row;
        },
        { timeout: 15_000, interval: 50 },
      );
      await vi.waitFor(() => expect(handle.outbox.length()).toBe(0), { timeout: 5_000, interval: 20 });
      return { event, prompts, relayDrives: relayDrives.slice(drivesBefore) };
    } finally {
      stopPrompts();
    }
  }

  async function readPinTriesLeft(name: string): Promise<number | null> {
    const file = await loadCard(findCard(cards, name).file);
    return file.kind === "jpki" ? file.pinTriesLeft : null;
  }

  it("opens the secured door for an enrolled My Number Card with the right PIN and logs it granted at card + PIN", async () => {
    const card = findCard(cards, "mynumber-server");
    const tap = await tapCard("mynumber-server", card.pin);
    expect(tap.event).toMatchObject({
      granted: 1,
      reason: "granted",
      assurance: "cardPin",
      credential_key: card.credentialKey,
      door_id: door.doorId,
    });
    expect(tap.prompts).toHaveLength(1);
    expect(tap.relayDrives[0]).toBe(true);
    expect(await readPinTriesLeft("mynumber-server")).toBe(3);
    // And locks again after the door's unlock time.
    await vi.waitFor(() => expect(hardware.isLockReleased()).toBe(false), { timeout: 5_000, interval: 20 });
  });

  it("refuses a card the snapshot does not know as unknown_card, without asking a PIN or moving the lock", async () => {
    const card = findCard(cards, "felica-unknown");
    const tap = await tapCard("felica-unknown");
    expect(tap.event).toMatchObject({
      granted: 0,
      reason: "unknown_card",
      credential_key: card.credentialKey,
    });
    expect(tap.prompts).toEqual([]);
    expect(tap.relayDrives).not.toContain(true);
  });

  it("refuses an enrolled card whose group's schedule is closed now as outside_schedule", async () => {
    const tap = await tapCard("mynumber-archive", "1234");
    expect(tap.event).toMatchObject({
      granted: 0,
      reason: "outside_schedule",
      credential_key: findCard(cards, "mynumber-archive").credentialKey,
    });
    expect(tap.prompts).toEqual([]);
    expect(tap.relayDrives).not.toContain(true);
  });

  it("refuses a wrong PIN as pin_wrong, spends exactly one try on the card and never retries", async () => {
    const tap = await tapCard("mynumber-server", "9999");
    expect(tap.event).toMatchObject({ granted: 0, reason: "pin_wrong" });
    expect(tap.prompts).toHaveLength(1);
    expect(tap.relayDrives).not.toContain(true);
    expect(await readPinTriesLeft("mynumber-server")).toBe(2);
  });

  it("refuses a card with one PIN try left as pin_guard without asking the PIN, leaving its counter at 1", async () => {
    expect(await readPinTriesLeft("mynumber-last-try")).toBe(1);
    const tap = await tapCard("mynumber-last-try", "1234");
    expect(tap.event).toMatchObject({
      granted: 0,
      reason: "pin_guard",
      credential_key: findCard(cards, "mynumber-last-try").credentialKey,
    });
    expect(tap.prompts).toEqual([]);
    expect(tap.relayDrives).not.toContain(true);
    expect(await readPinTriesLeft("mynumber-last-try")).toBe(1);
  });

  it("refuses a card as revoked once the revocation has been pushed to the agent", async () => {
    const running = requireServer();
    const { handle } = requireAgent();
    const credentialId = credentialIds.get("mynumber-server");
    okJson(
      await running.security("POST", `/api/credentials/${credentialId}/revoke`, {
        reason: "紛失届 / reported lost",
      }),
    );
    const revokedVersion = await readAccessVersion(running.deps.db);
    await vi.waitFor(() => expect(handle.policy.current()?.version).toBe(revokedVersion), {
      timeout: 5_000,
      interval: 20,
    });
    const tap = await tapCard("mynumber-server", "1234");
    expect(tap.event).toMatchObject({ granted: 0, reason: "revoked" });
    expect(tap.prompts).toEqual([]);
    expect(tap.relayDrives).not.toContain(true);
    expect(await readPinTriesLeft("mynumber-server")).toBe(2);
  });
});
