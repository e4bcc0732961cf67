import { decide, indexSnapshot } from "@tobira/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addStaff, type Call, issuesOf, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { buildApp } from "../http/app";
import { compileAccessSnapshot } from "./compile-access-snapshot";

describeEachDatabase(
  "access control: temporary grants for a visitor (a vendor's maintenance day)",
  (context) => {
    let app: FastifyInstance;
    let security: Call;
    let approver: Call;
    let duty: Call;
    const ids: Record<string, number> = {};
    const cardUid = "0a0b0c0d0e0f1011";
    // 2026-09-22 09:00 in Japan; the vendor's card works until the end of the day.
    const now = "2026-09-22T00:00:00.000Z";

    async function decideAt(doorId: number | undefined, at: string) {
      const snapshot = await compileAccessSnapshot(context().deps.db, { at: new Date(at), version: 1 });
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
      ids.host = await addStaff(deps, "50001", ["高知", "次郎"]);
      ids.sectionHead = await addStaff(deps, "10010", ["大西", "課長"]);
      security = await signInWithRoles(app, deps, "security", ["securityAdmin"]);
      approver = await signInWithRoles(app, deps, "kacho", ["staff", "approver"], ids.sectionHead);
      duty = await signInWithRoles(app, deps, "duty", ["approver"]);
      const hall = okJson(await security("POST", "/api/access/areas", { name: "庁舎" })).id;
      const lobby = okJson(
        await security("POST", "/api/access/areas", { name: "ロビー", parentId: hall }),
      ).id;
      const room = okJson(
        await security("POST", "/api/access/areas", { name: "サーバ室", parentId: hall }),
      ).id;
      ids.lobbyDoor = okJson(
        await security("POST", "/api/access/doors", {
          name: "ロビー入口",
          fromAreaId: hall,
          toAreaId: lobby,
        }),
      ).id;
      ids.serverDoor = okJson(
        await security("POST", "/api/access/doors", {
          name: "サーバ室入口",
          fromAreaId: hall,
          toAreaId: room,
        }),
      ).id;
      ids.visitor = okJson(
        await duty("POST", "/api/visitors", {
          name: "四国 太郎",
          organisation: "四国設備株式会社",
          purpose: "基幹系サーバ定期保守",
          hostStaffId: ids.host,
          cardUid,
          doorIds: [ids.lobbyDoor],
        }),
      ).id;
    });
    afterAll(() => app.close());

    const vendorWindow = (overrides: object = {}) => ({
      visitorId: ids.visitor,
      doorId: ids.serverDoor,
      from: "2026-09-22T10:00:00+09:00",
      to: "2026-09-22T12:00:00+09:00",
      minimumAssurance: "tap",
      reason: "基幹系サーバ定期保守",
      ...overrides,
    });

    it("records a vendor's grant as pending, and a pending grant opens nothing", async () => {
      const grant = okJson(await security("POST", "/api/access/grants", vendorWindow()));
      ids.grant = grant.id;
      expect(grant).toMatchObject({
        staffId: null,
        visitorId: ids.visitor,
        holderName: "四国 太郎",
        doorName: "サーバ室入口",
        from: "2026-09-22T01:00:00.000Z",
        to: "2026-09-22T03:00:00.000Z",
        state: "pending",
        requestedBy: "security",
      });
      expect(await decideAt(ids.serverDoor, "2026-09-22T02:00:00.000Z")).toMatchObject({ granted: false });
      // The card still opens the doors it was issued for.
      expect(await decideAt(ids.lobbyDoor, "2026-09-22T02:00:00.000Z")).toMatchObject({
        granted: true,
        holderId: `visitor:${ids.visitor}`,
      });
    });

    it("refuses the requester's own approval (four eyes)", async () => {
      const r = await security("POST", `/api/access/grants/${ids.grant}/approve`, {});
      expect(r.statusCode).toBe(403);
      expect(r.json().error.message).toBe(
        "You requested this grant; another approver must approve it (four-eyes rule).",
      );
      expect(await decideAt(ids.serverDoor, "2026-09-22T02:00:00.000Z")).toMatchObject({ granted: false });
    });

    it("once another person approves, opens that door to the visitor's card in the window only", async () => {
      const approved = okJson(await approver("POST", `/api/access/grants/${ids.grant}/approve`, {}));
      expect(approved).toMatchObject({ state: "approved", decidedBy: "kacho", visitorId: ids.visitor });
      expect(await decideAt(ids.serverDoor, "2026-09-22T00:30:00.000Z")).toMatchObject({ granted: false });
      expect(await decideAt(ids.serverDoor, "2026-09-22T02:00:00.000Z")).toMatchObject({
        granted: true,
        holderId: `visitor:${ids.visitor}`,
      });
      expect(await decideAt(ids.serverDoor, "2026-09-22T03:30:00.000Z")).toMatchObject({ granted: false });
      const snapshot = await compileAccessSnapshot(context().deps.db, {
        at: new Date("2026-09-22T02:00:00.000Z"),
        version: 1,
      });
      const holder = snapshot.holders.find((h) => h.id === `visitor:${ids.visitor}`);
      expect(holder?.grants.map((g) => g.doorId)).toEqual([String(ids.lobbyDoor), String(ids.serverDoor)]);
    });

    it("keeps denied grants out of the snapshot", async () => {
      const grant = okJson(
        await security(
          "POST",
          "/api/access/grants",
          vendorWindow({ from: "2026-09-22T13:00:00+09:00", to: "2026-09-22T15:00:00+09:00" }),
        ),
      );
      okJson(await approver("POST", `/api/access/grants/${grant.id}/deny`, { comment: "午後は不要" }));
      expect(await decideAt(ids.serverDoor, "2026-09-22T05:00:00.000Z")).toMatchObject({ granted: false });
    });

    it("asks for exactly one of staffId and visitorId", async () => {
      const both = await security("POST", "/api/access/grants", vendorWindow({ staffId: ids.host }));
      expect(both.statusCode).toBe(400);
      expect(issuesOf(both)).toEqual([
        "body.visitorId: must be empty when staffId is given (a grant is for a staff member or a visitor, not both)",
      ]);
      const neither = await security("POST", "/api/access/grants", vendorWindow({ visitorId: null }));
      expect(neither.statusCode).toBe(400);
      expect(issuesOf(neither)).toEqual([
        "body.staffId: give either staffId or visitorId (who the grant is for)",
      ]);
      const omitted = await security("POST", "/api/access/grants", {
        doorId: ids.serverDoor,
        from: "2026-09-22T10:00:00+09:00",
        to: "2026-09-22T12:00:00+09:00",
        minimumAssurance: "tap",
        reason: "保守",
      });
      expect(issuesOf(omitted)).toEqual([
        "body.staffId: give either staffId or visitorId (who the grant is for)",
      ]);
      const unknown = await security("POST", "/api/access/grants", vendorWindow({ visitorId: 999_999 }));
      expect(issuesOf(unknown)).toEqual(["visitorId: is not an existing visitor"]);
      const proof = await security(
        "POST",
        "/api/access/grants",
        vendorWindow({ minimumAssurance: "tapProof" }),
      );
      expect(issuesOf(proof)).toEqual([
        "minimumAssurance: must be tap for a visitor (a visitor card can only be tapped)",
      ]);
    });
  },
);
