import { createPublicKey } from "node:crypto";
import { type AccessSnapshot, verifySnapshot } from "@tobira/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addStaff, type Call, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { buildApp } from "../http/app";
import { staffHolderId } from "./holder-ids";

describeEachDatabase("access control: the signed snapshot", (context) => {
  let app: FastifyInstance;
  let security: Call;
  let approver: Call;
  let auditor: Call;
  // Record ids, filled in as the building is set up.
  const ids = {
    approved: 0,
    current: 0,
    denied: 0,
    door: 0,
    ending: 0,
    group: 0,
    hall: 0,
    leaver: 0,
    moved: 0,
    office: 0,
    pending: 0,
    room: 0,
    starter: 0,
    vendor: 0,
  };

  beforeAll(async () => {
    const { deps } = context();
    // Tuesday 2026-09-01, 09:00 in Japan.
    deps.clock.set("2026-09-01T00:00:00Z");
    app = await buildApp(deps);
    security = await signInWithRoles(app, deps, "security", ["securityAdmin"]);
    approver = await signInWithRoles(app, deps, "kacho", ["approver"]);
    auditor = await signInWithRoles(app, deps, "auditor", ["auditor"]);
    ids.current = await addStaff(deps, "10001", ["香川", "美咲"]);
    ids.moved = await addStaff(deps, "10002", ["坂東", "健"]);
    ids.leaver = await addStaff(deps, "10003", ["濱中", "誠"], { endDate: "2026-08-31" });
    ids.starter = await addStaff(deps, "10004", ["新居", "翼"], { startDate: "2026-10-01" });
    ids.vendor = await addStaff(deps, "90001", ["保守", "業者"]);

    const hall = okJson(await security("POST", "/api/access/areas", { name: "庁舎" })).id;
    ids.room = okJson(
      await security("POST", "/api/access/areas", { name: "サーバ室", parentId: hall, twoPersonRule: true }),
    ).id;
    ids.hall = hall;
    ids.office = okJson(
      await security("POST", "/api/access/schedules", {
        name: "平日 8:30–17:15",
        windows: { workday: [{ start: "08:30", end: "17:15" }] },
      }),
    ).id;
    ids.door = okJson(
      await security("POST", "/api/access/doors", {
        name: "サーバ室入口",
        fromAreaId: hall,
        toAreaId: ids.room,
        modes: [{ scheduleId: ids.office, mode: "secured" }],
      }),
    ).id;
    ids.group = okJson(
      await security("POST", "/api/access/groups", {
        name: "サーバ管理者",
        rules: [{ doorId: ids.door, scheduleId: ids.office, minimumAssurance: "tapProof" }],
      }),
    ).id;
    const member = (staffId: number, validFrom: string, validTo: string | null = null) =>
      security("POST", `/api/access/groups/${ids.group}/members`, { staffId, validFrom, validTo });
    okJson(await member(ids.current, "2026-04-01"));
    okJson(await member(ids.moved, "2026-04-01", "2026-08-31"));
    okJson(await member(ids.leaver, "2026-04-01"));
    okJson(await member(ids.starter, "2026-09-01"));

    const grant = async (from: string, to: string, reason: string) =>
      okJson(
        await security("POST", "/api/access/grants", {
          staffId: ids.vendor,
          doorId: ids.door,
          from,
          to,
          minimumAssurance: "tap",
          reason,
        }),
      ).id;
    ids.approved = await grant("2026-09-12T09:00:00+09:00", "2026-09-12T18:00:00+09:00", "定期保守");
    ids.pending = await grant("2026-09-13T09:00:00+09:00", "2026-09-13T18:00:00+09:00", "予備日");
    ids.denied = await grant("2026-09-14T09:00:00+09:00", "2026-09-14T18:00:00+09:00", "不要");
    ids.ending = await grant("2026-09-01T09:00:00+09:00", "2026-09-01T09:10:00+09:00", "緊急対応");
    okJson(await approver("POST", `/api/access/grants/${ids.approved}/approve`, {}));
    okJson(await approver("POST", `/api/access/grants/${ids.ending}/approve`, {}));
    okJson(await approver("POST", `/api/access/grants/${ids.denied}/deny`, { comment: "不要" }));
    // The short grant ends while nobody looks: the next snapshot simply leaves it out.
    deps.clock.advance(20 * 60_000);
  });
  afterAll(() => app.close());

  const publicKey = async () => okJson(await auditor("GET", "/api/access/snapshot/public-key"));

  async function fetchSnapshot(): Promise<{
    snapshot: AccessSnapshot;
    payload: Buffer;
    signature: Buffer;
    version: number;
  }> {
    const signed = okJson(await auditor("GET", "/api/access/snapshot"));
    const payload = Buffer.from(signed.payload, "base64");
    const signature = Buffer.from(signed.signature, "base64");
    const key = createPublicKey((await publicKey()).publicKeyPem);
    const verified = verifySnapshot({ payload, signature }, key);
    if (!verified.ok) throw new Error(verified.message);
    return { snapshot: verified.snapshot, payload, signature, version: signed.version };
  }

  it("verifies with the server's public key and carries the building and rules with string ids", async () => {
    const { snapshot } = await fetchSnapshot();
    expect(snapshot.issuedAt).toBe("2026-09-01T00:20:00.000Z");
    expect(snapshot.areas).toContainEqual({
      id: String(ids.room),
      name: "サーバ室",
      parentId: String(ids.hall),
      antiPassback: false,
      twoPersonRule: true,
    });
    expect(snapshot.doors).toEqual([
      {
        id: String(ids.door),
        name: "サーバ室入口",
        fromArea: String(ids.hall),
        toArea: String(ids.room),
        modes: [{ scheduleId: String(ids.office), mode: "secured" }],
        defaultMode: "locked",
        heldOpenSeconds: 30,
        unlockSeconds: 5,
      },
    ]);
    expect(snapshot.schedules).toEqual([
      {
        id: String(ids.office),
        name: "平日 8:30–17:15",
        windows: { workday: [{ start: 510, end: 1035 }], weeklyRest: [], holiday: [] },
        specialDays: [],
      },
    ]);
    expect(snapshot.groups).toEqual([
      {
        id: String(ids.group),
        name: "サーバ管理者",
        rules: [{ doorId: String(ids.door), scheduleId: String(ids.office), minimumAssurance: "tapProof" }],
      },
    ]);
  });

  it("holds current members (clipped to employment) and only approved grants that have not ended", async () => {
    const { snapshot } = await fetchSnapshot();
    expect(snapshot.holders).toEqual([
      {
        id: staffHolderId(ids.current),
        groups: [{ groupId: String(ids.group), from: "2026-04-01", to: null }],
        grants: [],
      },
      // Membership from 2026-09-01, employment from 2026-10-01: the later date wins.
      {
        id: staffHolderId(ids.starter),
        groups: [{ groupId: String(ids.group), from: "2026-10-01", to: null }],
        grants: [],
      },
      {
        id: staffHolderId(ids.vendor),
        groups: [],
        grants: [
          {
            doorId: String(ids.door),
            from: "2026-09-12T00:00:00.000Z",
            to: "2026-09-12T09:00:00.000Z",
            minimumAssurance: "tap",
          },
        ],
      },
    ]);
  });

  it("fails verification when any byte of the payload or the signature is altered", async () => {
    const { payload, signature } = await fetchSnapshot();
    const key = createPublicKey((await publicKey()).publicKeyPem);
    for (const position of [0, 4, Math.floor(payload.length / 2), payload.length - 1]) {
      const altered = Buffer.from(payload);
      altered[position] = (altered[position] ?? 0) ^ 0x01;
      expect(verifySnapshot({ payload: altered, signature }, key).ok, `payload byte ${position}`).toBe(false);
    }
    const alteredSignature = Buffer.from(signature);
    alteredSignature[10] = (alteredSignature[10] ?? 0) ^ 0x80;
    expect(verifySnapshot({ payload, signature: alteredSignature }, key)).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("moves the version on after a change, and the next snapshot carries it", async () => {
    const first = await fetchSnapshot();
    okJson(
      await security("PUT", `/api/access/areas/${ids.room}`, {
        name: "サーバ室",
        parentId: ids.hall,
        antiPassback: true,
        twoPersonRule: true,
      }),
    );
    const second = await fetchSnapshot();
    expect(second.version).toBe(first.version + 1);
    expect(second.snapshot.version).toBe(second.version);
    expect(second.snapshot.areas.find((a) => a.id === String(ids.room))?.antiPassback).toBe(true);
  });

  it("makes the signing key once, keeps it in the store and gives its SHA-256 fingerprint", async () => {
    const first = await publicKey();
    const second = await publicKey();
    expect(second).toEqual(first);
    expect(first.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const signed = okJson(await auditor("GET", "/api/access/snapshot"));
    expect(signed.keyFingerprint).toBe(first.fingerprint);
    const created = await context()
      .deps.db.selectFrom("audit_log")
      .select("details")
      .where("action", "=", "access.signingKeyCreated")
      .execute();
    expect(created.map((c) => JSON.parse(c.details).fingerprint)).toEqual([first.fingerprint]);
    const rows = await context().deps.db.selectFrom("signing_key").select("id").execute();
    expect(rows).toEqual([{ id: 1 }]);
  });

  it("carries the town's own days from the snapshot's day on", async () => {
    await context()
      .deps.db.insertInto("town_day")
      .values([
        { date: "2026-08-20", kind: "holiday", name: "過去の休日" },
        { date: "2026-11-20", kind: "holiday", name: "町制施行記念日" },
      ])
      .execute();
    const { snapshot } = await fetchSnapshot();
    expect(snapshot.townDays).toEqual([{ date: "2026-11-20", kind: "holiday", name: "町制施行記念日" }]);
  });
});
