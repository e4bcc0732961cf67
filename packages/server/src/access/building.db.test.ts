import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Call, issuesOf, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { buildApp } from "../http/app";
import { readAccessVersion } from "./access-version";

describeEachDatabase("access control: areas, doors and readers", (context) => {
  let app: FastifyInstance;
  let security: Call;
  let auditor: Call;
  let staff: Call;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { deps } = context();
    app = await buildApp(deps);
    security = await signInWithRoles(app, deps, "security", ["staff", "securityAdmin"]);
    auditor = await signInWithRoles(app, deps, "auditor", ["staff", "auditor"]);
    staff = await signInWithRoles(app, deps, "staff", ["staff"]);
  });
  afterAll(() => app.close());

  const audited = async (action: string) =>
    context()
      .deps.db.selectFrom("audit_log")
      .select(["actor", "target_id", "details"])
      .where("action", "=", action)
      .orderBy("seq")
      .execute();

  it("builds the area tree 庁舎 › 2F › サーバ室 and audits each area", async () => {
    ids.hall = okJson(await security("POST", "/api/access/areas", { name: "庁舎" })).id;
    ids.floor2 = okJson(await security("POST", "/api/access/areas", { name: "2F", parentId: ids.hall })).id;
    const serverRoom = okJson(
      await security("POST", "/api/access/areas", {
        name: "サーバ室",
        parentId: ids.floor2,
        twoPersonRule: true,
      }),
    );
    ids.serverRoom = serverRoom.id;
    expect(serverRoom).toMatchObject({ parentId: ids.floor2, antiPassback: false, twoPersonRule: true });
    const entries = await audited("access.areaCreated");
    expect(entries.map((e) => [e.actor, e.target_id])).toEqual([
      ["security", String(ids.hall)],
      ["security", String(ids.floor2)],
      ["security", String(ids.serverRoom)],
    ]);
  });

  it("refuses a parent that does not exist or lies inside the area, and a name twice in one place", async () => {
    const missing = await security("POST", "/api/access/areas", { name: "3F", parentId: 9999 });
    expect(missing.statusCode).toBe(400);
    expect(issuesOf(missing)).toEqual(["parentId: is not an existing area"]);
    const loop = await security("PUT", `/api/access/areas/${ids.hall}`, {
      name: "庁舎",
      parentId: ids.serverRoom,
    });
    expect(loop.statusCode).toBe(400);
    expect(issuesOf(loop)).toEqual(["parentId: must not be the area itself or an area inside it"]);
    const twice = await security("POST", "/api/access/areas", { name: "2F", parentId: ids.hall });
    expect(twice.statusCode).toBe(409);
    expect(issuesOf(twice)).toEqual(["name: is already used by another area in the same place"]);
    const empty = await security("POST", "/api/access/areas", { name: " " });
    expect(issuesOf(empty)).toEqual(["body.name: must not be empty"]);
  });

  it("joins two areas with a door and names the fields it refuses", async () => {
    const same = await security("POST", "/api/access/doors", {
      name: "サーバ室入口",
      fromAreaId: ids.floor2,
      toAreaId: ids.floor2,
    });
    expect(same.statusCode).toBe(400);
    expect(issuesOf(same)).toEqual(["body.toAreaId: must differ from fromAreaId"]);
    const unknownArea = await security("POST", "/api/access/doors", {
      name: "サーバ室入口",
      fromAreaId: ids.floor2,
      toAreaId: 9999,
    });
    expect(issuesOf(unknownArea)).toEqual(["toAreaId: is not an existing area"]);
    const badMode = await security("POST", "/api/access/doors", {
      name: "サーバ室入口",
      fromAreaId: ids.floor2,
      toAreaId: ids.serverRoom,
      defaultMode: "open",
    });
    expect(issuesOf(badMode)[0]).toMatch(/^body\.defaultMode: /);
    const door = okJson(
      await security("POST", "/api/access/doors", {
        name: "サーバ室入口",
        fromAreaId: ids.floor2,
        toAreaId: ids.serverRoom,
        exitButton: true,
        heldOpenSeconds: 45,
        unlockSeconds: 8,
      }),
    );
    ids.serverDoor = door.id;
    expect(door).toEqual({
      id: door.id,
      name: "サーバ室入口",
      fromAreaId: ids.floor2,
      toAreaId: ids.serverRoom,
      defaultMode: "locked",
      modes: [],
      exitButton: true,
      heldOpenSeconds: 45,
      unlockSeconds: 8,
    });
  });

  it("refuses a held-open threshold outside 5–3600 seconds, naming the field", async () => {
    const r = await security("POST", "/api/access/doors", {
      name: "書庫入口",
      fromAreaId: ids.floor2,
      toAreaId: ids.serverRoom,
      heldOpenSeconds: 2,
    });
    expect(r.statusCode).toBe(400);
    expect(issuesOf(r)[0]).toMatch(/^body\.heldOpenSeconds: must be at least 5 seconds/);
  });

  it("refuses an unlock time over a minute, naming the field", async () => {
    const r = await security("POST", "/api/access/doors", {
      name: "書庫入口",
      fromAreaId: ids.floor2,
      toAreaId: ids.serverRoom,
      unlockSeconds: 61,
    });
    expect(r.statusCode).toBe(400);
    expect(issuesOf(r)[0]).toMatch(/^body\.unlockSeconds: must be at most 60 seconds/);
  });

  it("refuses a door mode on a schedule that does not exist, naming the entry", async () => {
    const r = await security("PUT", `/api/access/doors/${ids.serverDoor}`, {
      name: "サーバ室入口",
      fromAreaId: ids.floor2,
      toAreaId: ids.serverRoom,
      modes: [{ scheduleId: 9999, mode: "unlocked" }],
    });
    expect(r.statusCode).toBe(400);
    expect(issuesOf(r)).toEqual(["modes.0.scheduleId: is not an existing schedule"]);
  });

  it("places readers on a door's sides, as an attendance terminal or an enrolment station", async () => {
    ids.entryReader = okJson(
      await security("POST", "/api/access/readers", {
        name: "サーバ室 入室",
        kind: "door",
        doorId: ids.serverDoor,
        side: "entry",
      }),
    ).id;
    okJson(
      await security("POST", "/api/access/readers", {
        name: "サーバ室 退室",
        kind: "door",
        doorId: ids.serverDoor,
        side: "exit",
      }),
    );
    okJson(await security("POST", "/api/access/readers", { name: "1F 出退勤端末", kind: "attendance" }));
    const noSide = await security("POST", "/api/access/readers", {
      name: "書庫",
      kind: "door",
      doorId: ids.serverDoor,
    });
    expect(issuesOf(noSide)).toEqual(["body.side: is required for a door reader"]);
    const doorOnTerminal = await security("POST", "/api/access/readers", {
      name: "総務課 登録端末",
      kind: "enrolment",
      doorId: ids.serverDoor,
    });
    expect(issuesOf(doorOnTerminal)).toEqual(["body.doorId: must be empty for an enrolment reader"]);
    const list = okJson(await auditor("GET", "/api/access/readers"));
    expect(list.items.map((r: { name: string; side: string | null }) => [r.name, r.side])).toEqual([
      ["サーバ室 入室", "entry"],
      ["サーバ室 退室", "exit"],
      ["1F 出退勤端末", null],
    ]);
  });

  it("keeps a door that still has readers, and an area that still has doors", async () => {
    const door = await security("DELETE", `/api/access/doors/${ids.serverDoor}`);
    expect(door.statusCode).toBe(409);
    expect(issuesOf(door)).toEqual(["id: still has 2 reader(s); remove them first"]);
    const area = await security("DELETE", `/api/access/areas/${ids.serverRoom}`);
    expect(area.statusCode).toBe(409);
    expect(issuesOf(area)).toEqual(["id: still has 1 door(s); move or remove them first"]);
  });

  it("removes a reader, audits it and moves the access version on", async () => {
    const before = await readAccessVersion(context().deps.db);
    okJson(await security("DELETE", `/api/access/readers/${ids.entryReader}`));
    expect(await readAccessVersion(context().deps.db)).toBe(before + 1);
    const [entry] = await audited("access.readerRemoved");
    expect(entry?.actor).toBe("security");
    expect(JSON.parse(entry?.details ?? "{}")).toMatchObject({
      before: { name: "サーバ室 入室" },
      accessVersion: before + 1,
    });
  });

  it("lets the auditor read the building but not change it, and shows staff nothing", async () => {
    expect(okJson(await auditor("GET", "/api/access/areas")).items).toHaveLength(3);
    expect(okJson(await auditor("GET", "/api/access/doors")).items).toHaveLength(1);
    expect((await auditor("POST", "/api/access/areas", { name: "3F", parentId: ids.hall })).statusCode).toBe(
      403,
    );
    expect((await staff("GET", "/api/access/areas")).statusCode).toBe(403);
    expect((await staff("GET", "/api/access/doors")).statusCode).toBe(403);
  });
});
