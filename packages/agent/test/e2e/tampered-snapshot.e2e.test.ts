import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readAccessVersion } from "../../../server/src/access/access-version";
import { type DemoCard, openDemoCard, prepareDemoCards } from "../../src/demo/demo-cards";
import { createSimulatedDoor } from "../../src/door/simulated-door";
import type { TapOutcome } from "../../src/door-role";
import { quietReaders } from "../../src/tap/quiet-readers";
import { createVirtualReaders } from "../../src/tap/virtual-readers";
import { approveDoorAgent, type E2eAgent, startDoorAgent } from "./e2e-agent";
import { addAccessGroup, addE2eStaff, bindCard, buildE2eDoor, type E2eDoor, findCard } from "./e2e-building";
import { type E2eServer, startE2eServer } from "./e2e-server";
import { startTamperingProxy, type TamperingProxy } from "./tampering-proxy";

const readerName = "通用口 (virtual)";

describe("a door agent behind a man in the middle who alters the signed policy", () => {
  const dir = mkdtempSync(join(tmpdir(), "tobira-e2e-tamper-"));
  const readers = createVirtualReaders([readerName]);
  let server: E2eServer | undefined;
  let proxy: TamperingProxy | undefined;
  let agent: E2eAgent | undefined;
  let door: E2eDoor;
  let cards: DemoCard[];
  let clerk: number;

  function requireParts(): { server: E2eServer; proxy: TamperingProxy; agent: E2eAgent } {
    if (server === undefined || proxy === undefined || agent === undefined)
      throw new Error("the server, the proxy or the agent did not start");
    return { server, proxy, agent };
  }

  beforeAll(async () => {
    server = await startE2eServer({ sqlitePath: join(dir, "tobira.db") });
    door = await buildE2eDoor(server, { name: "通用口", defaultMode: "locked", unlockSeconds: 1 });
    cards = await prepareDemoCards(join(dir, "cards"), new Date());
    clerk = await addE2eStaff(server, ["宿直", "担当"]);
    await addAccessGroup(
      server,
      {
        name: "通用口利用者",
        doorId: door.doorId,
        scheduleId: door.alwaysScheduleId,
        minimumAssurance: "tap",
      },
      [clerk],
    );
    proxy = await startTamperingProxy(server.baseUrl);
    agent = await startDoorAgent(
      { server: proxy.url, name: "通用口リーダー", dataDir: join(dir, "agent"), reader: { kind: "virtual" } },
      { readers: quietReaders(readers), hardware: createSimulatedDoor(), pinEntry: null },
    );
    await approveDoorAgent(server, agent, door.readerId);
  });

  afterAll(async () => {
    await agent?.close();
    await proxy?.close();
    await server?.close();
    await readers.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function tap(cardName: string): Promise<TapOutcome> {
    const { agent: running } = requireParts();
    readers.insert(readerName, await openDemoCard(findCard(cards, cardName)));
    try {
      return await running.door.handleTap();
    } finally {
      readers.remove(readerName);
    }
  }

  it("refuses a policy altered on the wire, keeps deciding from the last good one, and takes the genuine one later", async () => {
    const parts = requireParts();
    const { handle } = parts.agent;
    const goodVersion = await readAccessVersion(parts.server.deps.db);
    await vi.waitFor(() => expect(handle.policy.current()?.version).toBe(goodVersion), {
      timeout: 5_000,
      interval: 20,
    });
    expect((await tap("felica-staff")).reason).toBe("unknown_card");

    parts.proxy.tampering = true;
    await bindCard(parts.server, findCard(cards, "felica-staff"), clerk);
    const boundVersion = await readAccessVersion(parts.server.deps.db);
    await vi.waitFor(
      () => expect(parts.proxy.answers).toContainEqual(expect.stringMatching(`^refused ${boundVersion}: `)),
      { timeout: 10_000, interval: 20 },
    );
    for (const refusal of parts.proxy.answers.filter((answer) => answer.startsWith("refused")))
      expect(refusal).toMatch(/^refused \d+: bad_signature: /);
    expect(parts.proxy.tampered).toContain(boundVersion);
    expect(parts.proxy.answers).not.toContain(`applied ${boundVersion}`);
    expect(handle.policy.current()?.version).toBe(goodVersion);
    expect(await tap("felica-staff")).toMatchObject({ granted: false, reason: "unknown_card" });

    // With the wire honest again, a new connection brings the genuine policy.
    parts.proxy.tampering = false;
    parts.proxy.dropConnections();
    await vi.waitFor(() => expect(handle.policy.current()?.version).toBe(boundVersion), {
      timeout: 10_000,
      interval: 20,
    });
    expect(await tap("felica-staff")).toMatchObject({ granted: true, reason: "granted" });
  });
});
