import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addStaff, type Call, issuesOf, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { buildApp } from "../http/app";

type Entry = {
  staffNumber: string;
  canEnter: boolean;
  requiredAssurance: string | null;
  refusal: string | null;
};

describeEachDatabase("access control: who can enter, and where can this person go", (context) => {
  let app: FastifyInstance;
  let security: Call;
  let auditor: Call;
  // Record ids, filled in as the building is set up.
  const ids = {
    admin: 0,
    archiveDoor: 0,
    former: 0,
    grant: 0,
    group: 0,
    office: 0,
    serverDoor: 0,
    vendor: 0,
  };

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set("2026-09-18T00:00:00Z");
    app = await buildApp(deps);
    security = await signInWithRoles(app, deps, "security", ["securityAdmin"]);
    const approver = await signInWithRoles(app, deps, "kacho", ["approver"]);
    auditor = await signInWithRoles(app, deps, "auditor", ["auditor"]);
    ids.admin = await addStaff(deps, "10001", ["香川", "美咲"]);
    ids.former = await addStaff(deps, "10002", ["坂東", "健"]);
    ids.vendor = await addStaff(deps, "90001", ["保守", "業者"]);

    const hall = okJson(await security("POST", "/api/access/areas", { name: "庁舎" })).id;
    const room = okJson(
      await security("POST", "/api/access/areas", { name: "サーバ室", parentId: hall, twoPersonRule: true }),
    ).id;
    const archive = okJson(await security("POST", "/api/access/areas", { name: "書庫", parentId: hall })).id;
    ids.office = okJson(
      await security("POST", "/api/access/schedules", {
        name: "平日 8:30–17:15",
        windows: { workday: [{ start: "08:30", end: "17:15" }] },
      }),
    ).id;
    ids.serverDoor = okJson(
      await security("POST", "/api/access/doors", { name: "サーバ室入口", fromAreaId: hall, toAreaId: room }),
    ).id;
    ids.archiveDoor = okJson(
      await security("POST", "/api/access/doors", {
        name: "書庫入口",
        fromAreaId: hall,
        toAreaId: archive,
        modes: [{ scheduleId: ids.office, mode: "unlocked" }],
      }),
    ).id;
    ids.group = okJson(
      await security("POST", "/api/access/groups", {
        name: "サーバ管理者",
        rules: [
          { doorId: ids.serverDoor, scheduleId: ids.office, minimumAssurance: "tapProof" },
          { doorId: ids.archiveDoor, scheduleId: ids.office, minimumAssurance: "tap" },
        ],
      }),
    ).id;
    const member = (staffId: number, validTo: string | null) =>
      security("POST", `/api/access/groups/${ids.group}/members`, {
        staffId,
        validFrom: "2026-04-01",
        validTo,
      });
    okJson(await member(ids.admin, null));
    okJson(await member(ids.former, "2026-08-31"));
    // 2026-09-22 is a 休日 (国民の休日 between 敬老の日 and 秋分の日): only the vendor's grant is open.
    ids.grant = okJson(
      await security("POST", "/api/access/grants", {
        staffId: ids.vendor,
        doorId: ids.serverDoor,
        from: "2026-09-22T09:00:00+09:00",
        to: "2026-09-22T17:00:00+09:00",
        minimumAssurance: "cardPin",
        reason: "休日の基幹系サーバ保守",
      }),
    ).id;
    okJson(await approver("POST", `/api/access/grants/${ids.grant}/approve`, {}));
  });
  afterAll(() => app.close());

  const whoCanEnter = async (doorId: number, at: string) =>
    okJson(await auditor("GET", `/api/access/doors/${doorId}/who-can-enter?at=${encodeURIComponent(at)}`));
  const verdicts = (body: { holders: Entry[] }) =>
    body.holders.map((h) => [h.staffNumber, h.canEnter, h.requiredAssurance, h.refusal]);

  it("lists the server room's holders with their rule and schedule on a Friday morning", async () => {
    const body = await whoCanEnter(ids.serverDoor, "2026-09-18T10:00:00+09:00");
    expect(body).toMatchObject({
      doorName: "サーバ室入口",
      doorMode: "locked",
      at: "2026-09-18T01:00:00.000Z",
    });
    expect(verdicts(body)).toEqual([
      ["10001", true, "tapProof", null],
      ["90001", false, null, "no_permission"],
    ]);
    expect(body.holders[0].staffName).toBe("香川 美咲");
    expect(body.holders[0].reasons).toEqual([
      {
        kind: "group",
        groupId: ids.group,
        groupName: "サーバ管理者",
        scheduleId: ids.office,
        scheduleName: "平日 8:30–17:15",
        minimumAssurance: "tapProof",
        open: true,
      },
    ]);
    expect(body.holders[1].reasons).toEqual([
      {
        kind: "grant",
        grantId: ids.grant,
        from: "2026-09-22T00:00:00.000Z",
        to: "2026-09-22T08:00:00.000Z",
        minimumAssurance: "cardPin",
        open: false,
      },
    ]);
  });

  it("answers outside the schedule in the evening", async () => {
    const body = await whoCanEnter(ids.serverDoor, "2026-09-18T20:00:00+09:00");
    expect(verdicts(body)).toEqual([
      ["10001", false, null, "outside_schedule"],
      ["90001", false, null, "no_permission"],
    ]);
  });

  it("lets only the vendor in on the 2026-09-22 holiday, with card + PIN", async () => {
    const body = await whoCanEnter(ids.serverDoor, "2026-09-22T10:00:00+09:00");
    expect(verdicts(body)).toEqual([
      ["10001", false, null, "outside_schedule"],
      ["90001", true, "cardPin", null],
    ]);
  });

  it("shows a door unlocked for free passage in office hours", async () => {
    const body = await whoCanEnter(ids.archiveDoor, "2026-09-18T10:00:00+09:00");
    expect(body.doorMode).toBe("unlocked");
    expect(verdicts(body)).toEqual([["10001", true, null, null]]);
  });

  it("tells where a person can go, door by door", async () => {
    const body = okJson(
      await auditor(
        "GET",
        `/api/access/staff/${ids.admin}/where?at=${encodeURIComponent("2026-09-18T10:00:00+09:00")}`,
      ),
    );
    expect(body).toMatchObject({ staffNumber: "10001", staffName: "香川 美咲" });
    expect(
      body.doors.map((d: { doorName: string; toAreaName: string; canEnter: boolean; doorMode: string }) => [
        d.doorName,
        d.toAreaName,
        d.doorMode,
        d.canEnter,
      ]),
    ).toEqual([
      ["サーバ室入口", "サーバ室", "locked", true],
      ["書庫入口", "書庫", "unlocked", true],
    ]);
    const former = okJson(
      await auditor("GET", `/api/access/staff/${ids.former}/where?at=2026-09-18T10:00:00%2B09:00`),
    );
    expect(former.doors).toEqual([]);
  });

  it("names a bad instant and answers 404 for an unknown door or person", async () => {
    const bad = await auditor("GET", `/api/access/doors/${ids.serverDoor}/who-can-enter?at=tomorrow`);
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad)[0]).toMatch(/^querystring\.at: must be a date and time with an offset/);
    expect((await auditor("GET", "/api/access/doors/9999/who-can-enter")).statusCode).toBe(404);
    expect((await auditor("GET", "/api/access/staff/9999/where")).statusCode).toBe(404);
  });
});
