import { areaInputSchema, doorInputSchema, readerInputSchema } from "@tobira/protocol";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Call, issuesOf, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { ingestAsReader } from "../../test/ingest-as-reader";
import { insertArea } from "../access/area-repository";
import { insertDoor } from "../access/door-repository";
import { insertReader } from "../access/reader-repository";
import { insertCredential } from "../credentials/credential-repository";
import type { Deps } from "../deps";
import { buildApp } from "../http/app";
import { notify } from "../notifications/notify";
import { addDepartment, addPerson } from "../notifications/people.fixture";

const now = "2026-11-27T03:00:00Z";

function credentialRow(
  staffId: number,
  key: string,
  more: { kind?: string; validTo?: string | null; status?: string },
) {
  return {
    staff_id: staffId,
    visitor_id: null,
    kind: more.kind ?? "jpki",
    key,
    jpki_issuer: more.kind === "uid" ? null : "CN=Test JPKI CA",
    jpki_serial: more.kind === "uid" ? null : key,
    public_key: more.kind === "uid" ? null : "MCowBQYDK2VwAyEAtestkeytestkeytestkeytestkeytestkeytes=",
    valid_from: null,
    valid_to: more.validTo ?? null,
    status: more.status ?? "active",
    status_reason: null,
    status_changed_at: null,
    status_changed_by: null,
    replaced_by_id: null,
    enrolled_by: "test",
    enrolled_at: "2026-04-01T00:00:00Z",
  };
}

async function addRequest(deps: Deps, staffId: number, departmentId: number, status: string): Promise<void> {
  await deps.db
    .insertInto("request")
    .values({
      staff_id: staffId,
      department_id: departmentId,
      kind: "leave",
      payload: "{}",
      status,
      step: status === "pending" || status === "cancelPending" ? 0 : null,
      route: '["sectionHead"]',
      history: "[]",
      created_by: "test",
      created_at: now,
      updated_at: now,
    })
    .execute();
}

describeEachDatabase("the staff portal's own data", (context) => {
  let app: FastifyInstance;
  let me = 0;
  let colleague = 0;
  let asMe: Call;
  let asSysadmin: Call;
  const cardIds = { soon: 0, later: 0, uid: 0 };

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set(now);
    app = await buildApp(deps);
    const department = await addDepartment(deps, "7500", "企画課");
    me = await addPerson(deps, { staffNumber: "75001", name: ["窓口", "花子"], departmentId: department });
    colleague = await addPerson(deps, {
      staffNumber: "75002",
      name: ["窓口", "次郎"],
      departmentId: department,
    });
    asMe = await signInWithRoles(app, deps, "portal-me", ["staff"], me);
    asSysadmin = await signInWithRoles(app, deps, "portal-sysadmin", ["sysadmin"]);

    const outside = await insertArea(deps.db, areaInputSchema.parse({ name: "屋外" }));
    const hall = await insertArea(deps.db, areaInputSchema.parse({ name: "庁舎", parentId: outside.id }));
    const archive = await insertArea(deps.db, areaInputSchema.parse({ name: "書庫", parentId: hall.id }));
    const archiveDoor = await insertDoor(
      deps.db,
      doorInputSchema.parse({ name: "書庫扉", fromAreaId: hall.id, toAreaId: archive.id }),
    );
    const archiveReader = await insertReader(
      deps.db,
      readerInputSchema.parse({ name: "書庫 入", kind: "door", doorId: archiveDoor.id, side: "entry" }),
    );
    const terminal = await insertReader(
      deps.db,
      readerInputSchema.parse({ name: "1F 出退勤端末", kind: "attendance", doorId: null, side: null }),
    );
    const decision = (eventId: string, staffId: number, at: string, granted: boolean, reason: string) => ({
      eventId,
      occurredAt: at,
      kind: "decision",
      credentialKey: `uid:${staffId}`,
      holderId: `staff:${staffId}`,
      granted,
      reason,
      assurance: "tap",
    });
    const doorSent = await ingestAsReader(deps, archiveReader.id, [
      decision("d-old", me, "2026-10-01T10:00:00+09:00", true, "granted"),
      decision("d-ok", me, "2026-11-25T10:00:00+09:00", true, "granted"),
      decision("d-late", me, "2026-11-25T22:30:00+09:00", false, "outside_schedule"),
      decision("d-theirs", colleague, "2026-11-25T11:00:00+09:00", true, "granted"),
    ]);
    expect(doorSent.statusCode, doorSent.body).toBe(200);
    const punchSent = await ingestAsReader(deps, terminal.id, [
      {
        eventId: "p-in",
        occurredAt: "2026-11-26T08:25:00+09:00",
        kind: "punch",
        credentialKey: `uid:${me}`,
        holderId: `staff:${me}`,
        punch: "in",
      },
    ]);
    expect(punchSent.statusCode, punchSent.body).toBe(200);

    cardIds.soon = await insertCredential(
      deps.db,
      credentialRow(me, "card-soon", { validTo: "2027-01-15T14:59:59Z" }),
    );
    cardIds.later = await insertCredential(
      deps.db,
      credentialRow(me, "card-later", { validTo: "2029-06-30T14:59:59Z" }),
    );
    cardIds.uid = await insertCredential(deps.db, credentialRow(me, "uid-card", { kind: "uid" }));
    await insertCredential(
      deps.db,
      credentialRow(me, "card-revoked", { validTo: "2026-12-01T00:00:00Z", status: "revoked" }),
    );
    await insertCredential(
      deps.db,
      credentialRow(colleague, "card-theirs", { validTo: "2026-12-01T00:00:00Z" }),
    );

    await addRequest(deps, me, department, "pending");
    await addRequest(deps, me, department, "cancelPending");
    await addRequest(deps, me, department, "approved");
    await addRequest(deps, colleague, department, "pending");
    await notify(
      deps.db,
      [
        { staffId: me, kind: "request.approved", title: "承認\nApproved", body: "…" },
        { staffId: me, kind: "request.returned", title: "差戻し\nReturned", body: "…" },
        { staffId: colleague, kind: "request.returned", title: "差戻し\nReturned", body: "…" },
      ],
      deps,
    );
  });
  afterAll(() => app.close());

  it("lists my taps of the chosen days newest first: where, and whether the door opened or why not", async () => {
    const answer = okJson(await asMe("GET", "/api/portal/taps?from=2026-11-25&to=2026-11-26"));
    expect(answer).toMatchObject({ from: "2026-11-25", to: "2026-11-26" });
    expect(answer.taps).toEqual([
      expect.objectContaining({
        kind: "punch",
        readerName: "1F 出退勤端末",
        doorName: null,
        punch: "in",
        granted: null,
      }),
      expect.objectContaining({
        kind: "decision",
        readerName: "書庫 入",
        doorName: "書庫扉",
        granted: false,
        reason: "outside_schedule",
      }),
      expect.objectContaining({ kind: "decision", doorName: "書庫扉", granted: true }),
    ]);
    expect(Date.parse(answer.taps[0].at)).toBe(Date.parse("2026-11-26T08:25:00+09:00"));
  });

  it("counts a local day from midnight in Tokyo, and shows the last 7 days when no dates are given", async () => {
    const oneDay = okJson(await asMe("GET", "/api/portal/taps?from=2026-11-26&to=2026-11-26"));
    expect(oneDay.taps.map((tap: { kind: string }) => tap.kind)).toEqual(["punch"]);
    const lastWeek = okJson(await asMe("GET", "/api/portal/taps"));
    expect(lastWeek).toMatchObject({ from: "2026-11-21", to: "2026-11-27" });
    expect(lastWeek.taps).toHaveLength(3);
  });

  it("refuses more than 31 days at a time, and a period that ends before it starts", async () => {
    expect(okJson(await asMe("GET", "/api/portal/taps?from=2026-10-01&to=2026-10-31")).taps).toHaveLength(1);
    const tooLong = await asMe("GET", "/api/portal/taps?from=2026-10-01&to=2026-11-01");
    expect(tooLong.statusCode).toBe(400);
    expect(issuesOf(tooLong)).toEqual(["to: must be at most 31 days from from, inclusive"]);
    expect((await asMe("GET", "/api/portal/taps?from=2026-11-26&to=2026-11-25")).statusCode).toBe(400);
  });

  it("sums up my leave, overtime, pending requests, unread notices and cards", async () => {
    const summary = okJson(await asMe("GET", "/api/portal/summary"));
    expect(summary.pendingRequests).toBe(2);
    expect(summary.unreadNotifications).toBe(2);
    expect(summary.overtime).toMatchObject({ month: "2026-11", monthMinutes: 0, monthCapMinutes: 45 * 60 });
    expect(summary.annualLeave).toMatchObject({ leaveYear: 2026, remainingMinutes: expect.any(Number) });
    expect(summary.annualLeave.remainingMinutes).toBeGreaterThan(0);
    expect(summary.cards).toEqual([
      {
        id: cardIds.soon,
        kind: "jpki",
        status: "active",
        validTo: "2027-01-15T14:59:59Z",
        daysLeft: 49,
        expiresSoon: true,
      },
      {
        id: cardIds.later,
        kind: "jpki",
        status: "active",
        validTo: "2029-06-30T14:59:59Z",
        daysLeft: 946,
        expiresSoon: false,
      },
      { id: cardIds.uid, kind: "uid", status: "active", validTo: null, daysLeft: null, expiresSoon: false },
    ]);
  });

  it("answers an account without a staff record that it has no portal", async () => {
    expect((await asSysadmin("GET", "/api/portal/summary")).statusCode).toBe(404);
    expect((await asSysadmin("GET", "/api/portal/taps")).statusCode).toBe(404);
  });
});
