import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { classifyDay, toLocalDate } from "@tobira/core";
import {
  type AccessLogEntry,
  accessLogSchema,
  agentListSchema,
  type DemoPanel,
  demoPanelSchema,
  demoTapResultSchema,
  stationEnrolmentSchema,
} from "@tobira/protocol";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addStaff, type Call, caller, okJson } from "../../test/access-api";
import { createTestStore, describeEachDatabase, testConfig } from "../../test/databases";
import { signInAs } from "../../test/http";
import { systemClock } from "../clock";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { buildApp } from "../http/app";
import { type DemoReaders, prepareDemoReaders } from "./demo-readers";
import { demoPassword, seedDemoTownIfEmpty } from "./seed-demo-town";

const serverRoomEntry = "サーバ室 入室";
const archiveEntry = "書庫入口 入室";
const tokyoOffsetMs = 9 * 60 * 60_000;
const waitForAgents = { timeout: 30_000, interval: 100 };

/** The name of the `nth` current member (by staff id) of a demo section, as the log and panel write it. */
async function findSectionMember(db: Executor, unit: string, nth: number) {
  const rows = await db
    .selectFrom("staff_assignment")
    .innerJoin("department", "department.id", "staff_assignment.department_id")
    .innerJoin("staff", "staff.id", "staff_assignment.staff_id")
    .select(["staff.id", "staff.family_name", "staff.given_name"])
    .where("department.name", "=", unit)
    .where("staff_assignment.valid_to", "is", null)
    .orderBy("staff.id")
    .execute();
  const row = rows[nth];
  if (row === undefined) throw new Error(`the demo town has no member ${nth} in ${unit}`);
  return row;
}

async function findSectionMemberName(db: Executor, unit: string, nth: number): Promise<string> {
  const row = await findSectionMember(db, unit, nth);
  return `${row.family_name} ${row.given_name}`;
}

async function findSectionMemberId(db: Executor, unit: string, nth: number): Promise<number> {
  return (await findSectionMember(db, unit, nth)).id;
}

/** Whether the demo's 平日日中 schedule (08:00–18:00 JST on workdays) is open at an instant. */
function isOfficeHours(at: Date): boolean {
  const hour = new Date(at.getTime() + tokyoOffsetMs).getUTCHours();
  return classifyDay(toLocalDate(at)).kind === "workday" && hour >= 8 && hour < 18;
}

function findReaderId(panel: DemoPanel, readerName: string): number {
  const reader = panel.readers.find((candidate) => candidate.readerName === readerName);
  if (reader === undefined) throw new Error(`the panel has no reader ${readerName}`);
  return reader.readerId;
}

describeEachDatabase("demo town's virtual readers", (context) => {
  let dir: string;
  let deps: Deps;
  let app: FastifyInstance | undefined;
  let readers: DemoReaders | null = null;
  let newcomer: Call;
  let security: Call;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tobira-demo-readers-"));
    // The demo agents decide and report on the real clock, so the server keeps the same time.
    deps = { ...context().deps, clock: systemClock, config: testConfig({ TOBIRA_DATA_DIR: dir }) };
    const seeded = await seedDemoTownIfEmpty(deps);
    if (seeded === undefined) throw new Error("the demo town was not seeded into the empty database");
    readers = await prepareDemoReaders(deps);
    if (readers === null) throw new Error("the demo-seeded database got no demo readers");
    app = await buildApp(readers.deps, { demoPanel: readers.panel });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    await readers.start(url);

    const securityAdmin = seeded.accounts.find((account) => account.roles.includes("securityAdmin"));
    const plainStaff = seeded.accounts.find((account) => account.roles.join() === "staff");
    if (securityAdmin === undefined || plainStaff === undefined)
      throw new Error("the demo town lacks a security administrator or a plain staff account");
    security = caller(app, await signInAs(app, securityAdmin.loginId, demoPassword));
    newcomer = caller(app, await signInAs(app, plainStaff.loginId, demoPassword));
  });

  afterAll(async () => {
    await readers?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("approves and connects one agent per demo reader, each on the current snapshot", async () => {
    const readerNames = (await deps.db.selectFrom("access_reader").select("name").execute()).map(
      (reader) => reader.name,
    );
    expect(readerNames).toContain(serverRoomEntry);
    await expect
      .poll(async () => {
        const list = agentListSchema.parse(okJson(await security("GET", "/api/agents")));
        const current = list.items[0]?.currentSnapshotVersion;
        return list.items
          .filter((agent) => agent.status === "approved" && agent.connected)
          .filter((agent) => agent.snapshotVersion === current)
          .map((agent) => agent.readerName)
          .sort();
      }, waitForAgents)
      .toEqual([...readerNames].sort());
  });

  it("lists every reader and every demo card on the panel, cards with their holders' names", async () => {
    const panel = demoPanelSchema.parse(okJson(await newcomer("GET", "/api/demo/panel")));
    const readerNames = (await deps.db.selectFrom("access_reader").select("name").execute()).map(
      (reader) => reader.name,
    );
    expect(panel.readers.map((reader) => reader.readerName).sort()).toEqual([...readerNames].sort());
    expect(panel.readers.find((reader) => reader.readerName === serverRoomEntry)).toMatchObject({
      doorName: "サーバ室入口",
      role: "door",
    });
    const holders = Object.fromEntries(panel.cards.map((card) => [card.name, card.holderName]));
    expect(holders).toEqual({
      "mynumber-server": await findSectionMemberName(deps.db, "情報政策係", 0),
      "mynumber-last-try": await findSectionMemberName(deps.db, "情報政策係", 1),
      "mynumber-archive": await findSectionMemberName(deps.db, "人事係", 0),
      "staff-card-archive": await findSectionMemberName(deps.db, "庶務係", 0),
      "mynumber-new": null,
      "felica-staff": await findSectionMemberName(deps.db, "戸籍住民係", 0),
      "felica-unknown": null,
    });
  });

  it("decides taps on the server room reader: card + PIN, a wrong PIN, the PIN guard and an unknown card", async () => {
    const panel = demoPanelSchema.parse(okJson(await newcomer("GET", "/api/demo/panel")));
    const readerId = findReaderId(panel, serverRoomEntry);
    const tap = async (card: string, pin?: string) =>
      demoTapResultSchema.parse(
        okJson(await newcomer("POST", "/api/demo/panel/taps", { readerId, card, ...(pin ? { pin } : {}) })),
      );
    const itSection = await findSectionMemberName(deps.db, "情報政策係", 0);
    const lastTryHolder = await findSectionMemberName(deps.db, "情報政策係", 1);

    expect(await tap("mynumber-server", "1234")).toMatchObject({
      granted: true,
      reason: "granted",
      holderName: itSection,
    });
    const unlocked = demoPanelSchema.parse(okJson(await newcomer("GET", "/api/demo/panel")));
    expect(unlocked.readers.find((reader) => reader.readerId === readerId)?.state?.lock).toBe("released");
    expect(await tap("mynumber-server", "9876")).toMatchObject({
      granted: false,
      reason: "pin_wrong",
      holderName: itSection,
    });
    expect(await tap("mynumber-last-try", "1234")).toMatchObject({
      granted: false,
      reason: "pin_guard",
      holderName: lastTryHolder,
    });
    expect(await tap("felica-unknown")).toMatchObject({
      granted: false,
      reason: "unknown_card",
      holderName: null,
    });

    const logged = async (): Promise<AccessLogEntry[]> => {
      const log = accessLogSchema.parse(okJson(await security("GET", "/api/access/log?limit=100")));
      return log.items.filter((entry) => entry.readerId === readerId && entry.granted !== null);
    };
    await expect
      .poll(
        async () =>
          (await logged())
            .sort((a, b) => a.seq - b.seq)
            .map((entry) => ({ granted: entry.granted, reason: entry.reason, holderName: entry.holderName })),
        waitForAgents,
      )
      .toEqual([
        { granted: true, reason: "granted", holderName: itSection },
        { granted: false, reason: "pin_wrong", holderName: itSection },
        { granted: false, reason: "pin_guard", holderName: lastTryHolder },
        { granted: false, reason: "unknown_card", holderName: null },
      ]);
  });

  it("opens the archive to general affairs' My Number Card in office hours only, by the real clock", async () => {
    const panel = demoPanelSchema.parse(okJson(await newcomer("GET", "/api/demo/panel")));
    const readerId = findReaderId(panel, archiveEntry);
    const before = new Date();
    const result = demoTapResultSchema.parse(
      okJson(await newcomer("POST", "/api/demo/panel/taps", { readerId, card: "mynumber-archive" })),
    );
    const after = new Date();
    const expected = [before, after].map((at) =>
      isOfficeHours(at)
        ? { granted: true, reason: "granted" }
        : { granted: false, reason: "outside_schedule" },
    );
    expect(expected).toContainEqual({ granted: result.granted, reason: result.reason });
    expect(result.holderName).toBe(await findSectionMemberName(deps.db, "人事係", 0));
  });

  it("enrols the demo's new My Number Card at the enrolment station, proven with its PIN", async () => {
    const panel = demoPanelSchema.parse(okJson(await newcomer("GET", "/api/demo/panel")));
    const stationReaderId = findReaderId(panel, "総務課 カード登録端末");
    const agents = agentListSchema.parse(okJson(await security("GET", "/api/agents")));
    const station = agents.items.find((agent) => agent.readerId === stationReaderId);
    if (!station) throw new Error("the enrolment station has no agent");
    const staffId = await findSectionMemberId(deps.db, "企画係", 0);
    const started = stationEnrolmentSchema.parse(
      (await security("POST", `/api/agents/${station.id}/enrolments`, { staffId, kind: "jpki" })).json(),
    );
    expect(started.state).toBe("waiting");
    okJson(
      await newcomer("POST", "/api/demo/panel/taps", {
        readerId: stationReaderId,
        card: "mynumber-new",
        pin: "1234",
      }),
    );
    await expect
      .poll(async () => {
        const now = stationEnrolmentSchema.parse(
          okJson(await security("GET", `/api/agents/enrolments/${started.enrolmentId}`)),
        );
        return { state: now.state, message: now.message };
      }, waitForAgents)
      .toMatchObject({ state: "enrolled" });
    const serverRoom = findReaderId(panel, serverRoomEntry);
    // Enrolled, but not in the server room's group: the door now knows the card and refuses it for that.
    await expect
      .poll(async () => {
        const tap = demoTapResultSchema.parse(
          okJson(
            await newcomer("POST", "/api/demo/panel/taps", {
              readerId: serverRoom,
              card: "mynumber-new",
              pin: "1234",
            }),
          ),
        );
        return tap.reason;
      }, waitForAgents)
      .toBe("no_permission");
  });

  it("refuses a tap on a reader without a virtual agent and a card the demo does not have", async () => {
    const panel = demoPanelSchema.parse(okJson(await newcomer("GET", "/api/demo/panel")));
    const readerId = findReaderId(panel, serverRoomEntry);
    const unknownReader = Math.max(...panel.readers.map((reader) => reader.readerId)) + 1000;
    const noAgent = await newcomer("POST", "/api/demo/panel/taps", {
      readerId: unknownReader,
      card: "felica-staff",
    });
    expect(noAgent.statusCode).toBe(404);
    const noCard = await newcomer("POST", "/api/demo/panel/taps", { readerId, card: "no-such-card" });
    expect(noCard.statusCode).toBe(400);
  });

  it("puts no virtual agents on a town the demo did not seed", async () => {
    const store = await createTestStore(context().deps.dialect);
    const otherDir = mkdtempSync(join(tmpdir(), "tobira-real-town-"));
    try {
      const town = { db: store.db, dialect: store.dialect, clock: systemClock };
      const realTown = { ...town, config: testConfig({ TOBIRA_DATA_DIR: otherDir }) };
      await addStaff(realTown, "20001", ["森", "楓"]);
      expect(await prepareDemoReaders(realTown)).toBeNull();
      expect(existsSync(join(otherDir, "demo"))).toBe(false);
    } finally {
      await store.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
