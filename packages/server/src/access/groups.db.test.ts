import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addStaff, type Call, issuesOf, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { buildApp } from "../http/app";

describeEachDatabase("access control: groups and memberships", (context) => {
  let app: FastifyInstance;
  let security: Call;
  let auditor: Call;
  let staff: Call;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set("2026-05-01T00:00:00Z");
    app = await buildApp(deps);
    security = await signInWithRoles(app, deps, "security", ["securityAdmin"]);
    auditor = await signInWithRoles(app, deps, "auditor", ["auditor"]);
    staff = await signInWithRoles(app, deps, "staff", ["staff"]);
    ids.misaki = await addStaff(deps, "10001", ["香川", "美咲"]);
    ids.ken = await addStaff(deps, "10002", ["坂東", "健"]);
    const floor = okJson(await security("POST", "/api/access/areas", { name: "2F" })).id;
    const room = okJson(await security("POST", "/api/access/areas", { name: "書庫", parentId: floor })).id;
    ids.archive = okJson(
      await security("POST", "/api/access/doors", { name: "書庫", fromAreaId: floor, toAreaId: room }),
    ).id;
    ids.office = okJson(
      await security("POST", "/api/access/schedules", {
        name: "開庁時間",
        windows: { workday: [{ start: "08:30", end: "17:15" }] },
      }),
    ).id;
  });
  afterAll(() => app.close());

  it("grants a group a door in a schedule at a minimum assurance", async () => {
    const group = okJson(
      await security("POST", "/api/access/groups", {
        name: "書庫利用者",
        rules: [{ doorId: ids.archive, scheduleId: ids.office, minimumAssurance: "tap" }],
      }),
    );
    ids.group = group.id;
    expect(group).toEqual({
      id: group.id,
      name: "書庫利用者",
      rules: [{ doorId: ids.archive, scheduleId: ids.office, minimumAssurance: "tap" }],
    });
  });

  it("names the rule that points at nothing or repeats, and an unknown assurance level", async () => {
    const unknown = await security("POST", "/api/access/groups", {
      name: "誤り",
      rules: [{ doorId: 9999, scheduleId: ids.office, minimumAssurance: "tap" }],
    });
    expect(issuesOf(unknown)).toEqual(["rules.0.doorId: is not an existing door"]);
    const repeated = await security("POST", "/api/access/groups", {
      name: "誤り",
      rules: [
        { doorId: ids.archive, scheduleId: ids.office, minimumAssurance: "tap" },
        { doorId: ids.archive, scheduleId: ids.office, minimumAssurance: "cardPin" },
      ],
    });
    expect(issuesOf(repeated)).toEqual(["body.rules.1.scheduleId: repeats a door and schedule"]);
    const level = await security("POST", "/api/access/groups", {
      name: "誤り",
      rules: [{ doorId: ids.archive, scheduleId: ids.office, minimumAssurance: "pin" }],
    });
    expect(issuesOf(level)[0]).toMatch(/^body\.rules\.0\.minimumAssurance: /);
  });

  it("adds staff with inclusive validity dates and lists who is a member on a day", async () => {
    const added = okJson(
      await security("POST", `/api/access/groups/${ids.group}/members`, {
        staffId: ids.misaki,
        validFrom: "2026-05-01",
        validTo: "2026-05-31",
      }),
    );
    ids.membership = added.id;
    expect(added).toMatchObject({ staffNumber: "10001", staffName: "香川 美咲", validTo: "2026-05-31" });
    okJson(
      await security("POST", `/api/access/groups/${ids.group}/members`, {
        staffId: ids.ken,
        validFrom: "2026-06-01",
      }),
    );
    const onLastDay = okJson(await auditor("GET", `/api/access/groups/${ids.group}/members?asOf=2026-05-31`));
    expect(onLastDay.items.map((m: { staffNumber: string }) => m.staffNumber)).toEqual(["10001"]);
    const nextDay = okJson(await auditor("GET", `/api/access/groups/${ids.group}/members?asOf=2026-06-01`));
    expect(nextDay.items.map((m: { staffNumber: string }) => m.staffNumber)).toEqual(["10002"]);
  });

  it("refuses an overlapping membership, an unknown staff member and an end before the start", async () => {
    const overlap = await security("POST", `/api/access/groups/${ids.group}/members`, {
      staffId: ids.misaki,
      validFrom: "2026-05-15",
    });
    expect(overlap.statusCode).toBe(409);
    expect(issuesOf(overlap)).toEqual([
      "validFrom: overlaps the staff member's membership of this group from 2026-05-01 to 2026-05-31",
    ]);
    const nobody = await security("POST", `/api/access/groups/${ids.group}/members`, {
      staffId: 9999,
      validFrom: "2026-05-01",
    });
    expect(issuesOf(nobody)).toEqual(["staffId: is not an existing staff member"]);
    const backwards = await security("POST", `/api/access/groups/${ids.group}/members`, {
      staffId: ids.ken,
      validFrom: "2026-05-10",
      validTo: "2026-05-01",
    });
    expect(issuesOf(backwards)).toEqual(["body.validTo: must not be before validFrom"]);
  });

  it("ends a membership on a day and audits it", async () => {
    const ended = okJson(
      await security("POST", `/api/access/groups/${ids.group}/members/${ids.membership}/end`, {
        validTo: "2026-05-20",
      }),
    );
    expect(ended.validTo).toBe("2026-05-20");
    const tooEarly = await security("POST", `/api/access/groups/${ids.group}/members/${ids.membership}/end`, {
      validTo: "2026-04-30",
    });
    expect(issuesOf(tooEarly)).toEqual(["validTo: must not be before the membership's start (2026-05-01)"]);
    const actions = await context()
      .deps.db.selectFrom("audit_log")
      .select("action")
      .where("target_type", "=", "accessGroup")
      .orderBy("seq")
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      "access.groupCreated",
      "access.membershipAdded",
      "access.membershipAdded",
      "access.membershipEnded",
    ]);
  });

  it("keeps a schedule and a door a group's rule still uses", async () => {
    expect((await security("DELETE", `/api/access/schedules/${ids.office}`)).statusCode).toBe(409);
    const door = await security("DELETE", `/api/access/doors/${ids.archive}`);
    expect(issuesOf(door)).toEqual(["id: is still named in 1 group rule(s); remove them first"]);
  });

  it("removes a group with its memberships, keeping them in the audit entry", async () => {
    okJson(await security("DELETE", `/api/access/groups/${ids.group}`));
    const entry = await context()
      .deps.db.selectFrom("audit_log")
      .select("details")
      .where("action", "=", "access.groupRemoved")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details).memberships).toHaveLength(2);
    expect(okJson(await auditor("GET", "/api/access/groups")).items).toEqual([]);
  });

  it("shows staff no groups and lets the auditor change none", async () => {
    expect((await staff("GET", "/api/access/groups")).statusCode).toBe(403);
    expect((await auditor("POST", "/api/access/groups", { name: "x" })).statusCode).toBe(403);
  });
});
