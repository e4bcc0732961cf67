import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addStaff, type Call, issuesOf, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { buildApp } from "../http/app";
import { readAccessVersion } from "./access-version";

describeEachDatabase("access control: temporary grants and their approval", (context) => {
  let app: FastifyInstance;
  let security: Call;
  let approver: Call;
  let auditor: Call;
  let staff: Call;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set("2026-09-01T00:00:00Z");
    app = await buildApp(deps);
    ids.vendor = await addStaff(deps, "90001", ["保守", "業者"]);
    ids.sectionHead = await addStaff(deps, "10010", ["大西", "課長"]);
    security = await signInWithRoles(app, deps, "security", ["securityAdmin"]);
    approver = await signInWithRoles(app, deps, "kacho", ["staff", "approver"], ids.sectionHead);
    auditor = await signInWithRoles(app, deps, "auditor", ["auditor"]);
    staff = await signInWithRoles(app, deps, "staff", ["staff"]);
    const hall = okJson(await security("POST", "/api/access/areas", { name: "庁舎" })).id;
    const room = okJson(await security("POST", "/api/access/areas", { name: "サーバ室", parentId: hall })).id;
    ids.door = okJson(
      await security("POST", "/api/access/doors", { name: "サーバ室入口", fromAreaId: hall, toAreaId: room }),
    ).id;
  });
  afterAll(() => app.close());

  const maintenanceDay = (overrides: object = {}) => ({
    staffId: ids.vendor,
    doorId: ids.door,
    from: "2026-09-12T09:00:00+09:00",
    to: "2026-09-12T18:00:00+09:00",
    minimumAssurance: "tap",
    reason: "基幹系サーバ定期保守",
    ...overrides,
  });

  it("records a request as pending, in UTC, without moving the access version", async () => {
    const before = await readAccessVersion(context().deps.db);
    const grant = okJson(await security("POST", "/api/access/grants", maintenanceDay()));
    ids.grant = grant.id;
    expect(grant).toMatchObject({
      state: "pending",
      holderName: "保守 業者",
      doorName: "サーバ室入口",
      from: "2026-09-12T00:00:00.000Z",
      to: "2026-09-12T09:00:00.000Z",
      requestedBy: "security",
      decidedBy: null,
      expired: false,
    });
    expect(await readAccessVersion(context().deps.db)).toBe(before);
  });

  it("names what is wrong with a request", async () => {
    const backwards = await security(
      "POST",
      "/api/access/grants",
      maintenanceDay({ from: "2026-09-12T18:00:00+09:00", to: "2026-09-12T09:00:00+09:00" }),
    );
    expect(issuesOf(backwards)).toEqual(["body.to: must be after from"]);
    const past = await security(
      "POST",
      "/api/access/grants",
      maintenanceDay({ from: "2026-08-01T09:00:00+09:00", to: "2026-08-01T18:00:00+09:00" }),
    );
    expect(issuesOf(past)).toEqual(["to: must be in the future"]);
    const noOffset = await security(
      "POST",
      "/api/access/grants",
      maintenanceDay({ from: "2026-09-12 09:00" }),
    );
    expect(issuesOf(noOffset)[0]).toMatch(/^body\.from: must be a date and time with an offset/);
    const noReason = await security("POST", "/api/access/grants", maintenanceDay({ reason: "" }));
    expect(issuesOf(noReason)).toEqual(["body.reason: give the reason for the grant"]);
    const noDoor = await security("POST", "/api/access/grants", maintenanceDay({ doorId: 9999 }));
    expect(issuesOf(noDoor)).toEqual(["doorId: is not an existing door"]);
  });

  it("refuses the requester's own approval (four eyes)", async () => {
    const r = await security("POST", `/api/access/grants/${ids.grant}/approve`, {});
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toBe(
      "You requested this grant; another approver must approve it (four-eyes rule).",
    );
  });

  it("shows the approver the pending grant and lets them approve it, moving the version on", async () => {
    const inbox = okJson(await approver("GET", "/api/access/grants/pending"));
    expect(inbox.items.map((g: { id: number }) => g.id)).toEqual([ids.grant]);
    const before = await readAccessVersion(context().deps.db);
    const approved = okJson(
      await approver("POST", `/api/access/grants/${ids.grant}/approve`, { comment: "保守計画どおり" }),
    );
    expect(approved).toMatchObject({
      state: "approved",
      decidedBy: "kacho",
      decisionComment: "保守計画どおり",
    });
    expect(await readAccessVersion(context().deps.db)).toBe(before + 1);
    const again = await approver("POST", `/api/access/grants/${ids.grant}/approve`, {});
    expect(again.statusCode).toBe(409);
    expect(issuesOf(again)).toEqual(["state: is already approved"]);
  });

  it("refuses an approver's approval of a grant for themselves", async () => {
    const own = okJson(
      await security("POST", "/api/access/grants", maintenanceDay({ staffId: ids.sectionHead })),
    );
    const r = await approver("POST", `/api/access/grants/${own.id}/approve`, {});
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toBe(
      "This grant is for you; another approver must approve it (four-eyes rule).",
    );
  });

  it("denies with a reason, and asks for one", async () => {
    const grant = okJson(await security("POST", "/api/access/grants", maintenanceDay({ reason: "予備日" })));
    const silent = await approver("POST", `/api/access/grants/${grant.id}/deny`, {});
    expect(issuesOf(silent)[0]).toMatch(/^body\.comment: /);
    const denied = okJson(
      await approver("POST", `/api/access/grants/${grant.id}/deny`, { comment: "予備日は不要" }),
    );
    expect(denied).toMatchObject({ state: "denied", decidedBy: "kacho", decisionComment: "予備日は不要" });
  });

  it("will not approve a grant whose period has passed", async () => {
    const grant = okJson(
      await security(
        "POST",
        "/api/access/grants",
        maintenanceDay({ from: "2026-09-01T09:00:00+09:00", to: "2026-09-01T09:10:00+09:00" }),
      ),
    );
    context().deps.clock.advance(20 * 60_000);
    const r = await approver("POST", `/api/access/grants/${grant.id}/approve`, {});
    expect(r.statusCode).toBe(409);
    expect(issuesOf(r)).toEqual(["to: has passed; the grant can no longer be approved"]);
    const listed = okJson(await auditor("GET", "/api/access/grants?state=pending"));
    expect(listed.items.find((g: { id: number }) => g.id === grant.id)?.expired).toBe(true);
  });

  it("audits request, approval and denial", async () => {
    const rows = await context()
      .deps.db.selectFrom("audit_log")
      .select(["action", "actor"])
      .where("target_type", "=", "grant")
      .orderBy("seq")
      .execute();
    expect(rows.map((r) => `${r.action} ${r.actor}`)).toEqual([
      "access.grantRequested security",
      "access.grantApproved kacho",
      "access.grantRequested security",
      "access.grantRequested security",
      "access.grantDenied kacho",
      "access.grantRequested security",
    ]);
  });

  it("lets only the security administrator request, and shows staff nothing", async () => {
    expect((await approver("POST", "/api/access/grants", maintenanceDay())).statusCode).toBe(403);
    expect((await auditor("POST", "/api/access/grants", maintenanceDay())).statusCode).toBe(403);
    expect((await staff("GET", "/api/access/grants")).statusCode).toBe(403);
    expect((await staff("GET", "/api/access/grants/pending")).statusCode).toBe(403);
  });
});
