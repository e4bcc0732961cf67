import { decide, indexSnapshot } from "@tobira/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { createAccount, type Session, signInAs } from "../../test/http";
import { compileAccessSnapshot } from "../access/compile-access-snapshot";
import { buildApp } from "../http/app";
import { insertDepartment } from "../org/department-repository";
import { createStaff } from "../org/staff-use-cases";

describeEachDatabase("visitor cards at the holiday entrance", (context) => {
  let app: FastifyInstance;
  let duty: Session;
  let security: Session;
  let staffMember: Session;
  let auditor: Session;
  let hostId = 0;
  const doors: Record<string, number> = {};
  // 秋分の日, 10:00 in Japan: the duty officer (宿日直) keeps the entrance.
  const now = "2026-09-22T01:00:00.000Z";

  const call = async (session: Session, method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

  const visitor = (overrides: object = {}) => ({
    name: "四国 太郎",
    organisation: "四国設備株式会社",
    purpose: "空調設備の点検",
    hostStaffId: hostId,
    cardUid: "0102030405060708",
    doorIds: [doors.machineRoom],
    ...overrides,
  });

  async function decideAt(cardUid: string, doorId: number | undefined, at: string) {
    const { db } = context().deps;
    const snapshot = await compileAccessSnapshot(db, { at: new Date(at), version: 1 });
    return decide(
      indexSnapshot(snapshot),
      { credentialKey: `uid:${cardUid}`, assurance: "tap" },
      String(doorId),
      at,
    );
  }

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set(now);
    app = await buildApp(deps);
    const department = await insertDepartment(deps.db, {
      code: "1100",
      name: "総務課",
      kind: "section",
      parentId: null,
      validFrom: "2000-04-01",
      validTo: null,
    });
    const host = await createStaff(deps, "test", {
      staffNumber: "50001",
      familyName: "高知",
      givenName: "次郎",
      familyNameKana: "コウチ",
      givenNameKana: "ジロウ",
      employmentType: "regular",
      startDate: "2001-04-01",
      endDate: null,
      email: null,
      phone: null,
      departmentId: department.id,
      positionId: null,
    });
    hostId = host.id;
    await createAccount(deps, "duty", ["approver"]);
    await createAccount(deps, "security", ["securityAdmin"]);
    await createAccount(deps, "staff", ["staff"]);
    await createAccount(deps, "auditor", ["auditor"]);
    duty = await signInAs(app, "duty");
    security = await signInAs(app, "security");
    staffMember = await signInAs(app, "staff");
    auditor = await signInAs(app, "auditor");
    const hall = (await call(security, "POST", "/api/access/areas", { name: "庁舎" })).json().id;
    const machine = (
      await call(security, "POST", "/api/access/areas", { name: "機械室", parentId: hall })
    ).json().id;
    const archive = (
      await call(security, "POST", "/api/access/areas", { name: "書庫", parentId: hall })
    ).json().id;
    const doorsToMake: [string, string, number][] = [
      ["machineRoom", "機械室入口", machine],
      ["archive", "書庫入口", archive],
    ];
    for (const [key, name, toAreaId] of doorsToMake) {
      const response = await call(security, "POST", "/api/access/doors", {
        name,
        fromAreaId: hall,
        toAreaId,
      });
      expect(response.statusCode, response.body).toBe(200);
      doors[key] = response.json().id;
    }
  });
  afterAll(() => app.close());

  let visitorId = 0;
  let credentialId = 0;

  it("issues a day card that opens only the doors given, until the end of the issue day", async () => {
    const response = await call(duty, "POST", "/api/visitors", visitor());
    expect(response.statusCode, response.body).toBe(200);
    const issued = response.json();
    visitorId = issued.id;
    credentialId = issued.credentialId;
    expect(issued).toMatchObject({
      name: "四国 太郎",
      organisation: "四国設備株式会社",
      hostStaffId: hostId,
      hostName: "高知 次郎",
      cardUid: "0102030405060708",
      doorIds: [doors.machineRoom],
      issuedBy: "duty",
      issuedAt: now,
      expiresAt: "2026-09-22T14:59:59.000Z",
      returnedAt: null,
    });
    const credential = (await call(auditor, "GET", `/api/credentials/${credentialId}`)).json();
    expect(credential).toMatchObject({
      staffId: null,
      visitorId,
      kind: "uid",
      key: "uid:0102030405060708",
      status: "active",
      validFrom: now,
      validTo: "2026-09-22T14:59:59.000Z",
    });
    expect(await decideAt("0102030405060708", doors.machineRoom, "2026-09-22T02:00:00.000Z")).toMatchObject({
      granted: true,
      holderId: `visitor:${visitorId}`,
    });
    expect(await decideAt("0102030405060708", doors.archive, "2026-09-22T02:00:00.000Z")).toMatchObject({
      granted: false,
      reason: "no_permission",
    });
    expect(await decideAt("0102030405060708", doors.machineRoom, "2026-09-22T15:00:00.000Z")).toMatchObject({
      granted: false,
    });
  });

  it("lists the cards not yet returned", async () => {
    const open = await call(duty, "GET", "/api/visitors?open=true");
    expect(open.statusCode).toBe(200);
    expect(open.json().items.map((v: { id: number }) => v.id)).toEqual([visitorId]);
  });

  it("refuses to hand out a card that is still out", async () => {
    const response = await call(duty, "POST", "/api/visitors", visitor({ name: "別の人" }));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.issues[0]).toEqual({
      path: "cardUid",
      message: "is still out with a visitor",
    });
  });

  it("refuses an expiry that is not on the issue day, after 23:59:59 or already past", async () => {
    for (const expiresAt of [
      "2026-09-23T09:00:00+09:00",
      "2026-09-22T23:59:59.500+09:00",
      "2026-09-21T17:00:00+09:00",
      "2026-09-22T09:30:00+09:00",
    ]) {
      const response = await call(duty, "POST", "/api/visitors", visitor({ cardUid: "a1a2a3a4", expiresAt }));
      expect(response.statusCode, expiresAt).toBe(400);
      expect(response.json().error.issues[0].path).toBe("expiresAt");
    }
    const tooLate = await call(
      duty,
      "POST",
      "/api/visitors",
      visitor({ cardUid: "a1a2a3a4", expiresAt: "2026-09-23T09:00:00+09:00" }),
    );
    expect(tooLate.json().error.issues[0].message).toBe(
      "must fall on the issue day, 2026-09-22 (Japan time)",
    );
  });

  it("takes an earlier expiry on the same day, and refuses doors that do not exist", async () => {
    const early = await call(
      duty,
      "POST",
      "/api/visitors",
      visitor({ cardUid: "a1a2a3a4", expiresAt: "2026-09-22T17:00:00+09:00", doorIds: [] }),
    );
    expect(early.statusCode, early.body).toBe(200);
    expect(early.json()).toMatchObject({ expiresAt: "2026-09-22T08:00:00.000Z", doorIds: [] });
    const unknownDoor = await call(
      duty,
      "POST",
      "/api/visitors",
      visitor({ cardUid: "b1b2b3b4", doorIds: [999_999] }),
    );
    expect(unknownDoor.statusCode).toBe(400);
    expect(unknownDoor.json().error.issues[0]).toEqual({ path: "doorIds.0", message: "does not exist" });
  });

  it("takes the card back: it leaves the open list and its credential is revoked", async () => {
    const returned = await call(duty, "POST", `/api/visitors/${visitorId}/return`);
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ returnedAt: now, returnedBy: "duty" });
    const credential = (await call(auditor, "GET", `/api/credentials/${credentialId}`)).json();
    expect(credential).toMatchObject({ status: "revoked", statusReason: "returned" });
    const open = (await call(duty, "GET", "/api/visitors?open=true")).json();
    expect(open.items.map((v: { id: number }) => v.id)).not.toContain(visitorId);
    const returnedList = (await call(duty, "GET", "/api/visitors?open=false")).json();
    expect(returnedList.items.map((v: { id: number }) => v.id)).toEqual([visitorId]);
    expect(await decideAt("0102030405060708", doors.machineRoom, "2026-09-22T02:00:00.000Z")).toMatchObject({
      granted: false,
      reason: "revoked",
    });
    const twice = await call(duty, "POST", `/api/visitors/${visitorId}/return`);
    expect(twice.statusCode).toBe(409);
  });

  it("hands the returned card to the next visitor", async () => {
    const next = await call(duty, "POST", "/api/visitors", visitor({ name: "次の業者" }));
    expect(next.statusCode, next.body).toBe(200);
    expect(await decideAt("0102030405060708", doors.machineRoom, "2026-09-22T03:00:00.000Z")).toMatchObject({
      granted: true,
      holderId: `visitor:${next.json().id}`,
    });
  });

  it("lets the duty officer and the security administrator issue cards, and nobody else", async () => {
    expect(
      (await call(staffMember, "POST", "/api/visitors", visitor({ cardUid: "c1c2c3c4" }))).statusCode,
    ).toBe(403);
    expect((await call(staffMember, "GET", "/api/visitors?open=true")).statusCode).toBe(403);
    expect((await call(security, "POST", "/api/visitors", visitor({ cardUid: "c1c2c3c4" }))).statusCode).toBe(
      200,
    );
  });

  it("audits issue and return by ids, never by the visitor's name", async () => {
    const { items } = (await call(auditor, "GET", "/api/audit?limit=100")).json();
    const visitorEntries = items.filter((entry: { action: string }) => entry.action.startsWith("visitor."));
    const issued = visitorEntries.find(
      (entry: { action: string; targetId: string }) =>
        entry.action === "visitor.issued" && entry.targetId === String(visitorId),
    );
    expect(issued.details).toMatchObject({
      credentialId,
      visitorId,
      kind: "uid",
      key: "uid:0102030405060708",
      hostStaffId: hostId,
      doorIds: [doors.machineRoom],
      expiresAt: "2026-09-22T14:59:59.000Z",
    });
    expect(visitorEntries.map((entry: { action: string }) => entry.action)).toContain("visitor.returned");
    const text = JSON.stringify(visitorEntries);
    for (const personal of ["四国", "太郎", "次の業者", "四国設備", "空調"])
      expect(text).not.toContain(personal);
  });
});
