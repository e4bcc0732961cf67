import { createPublicKey } from "node:crypto";
import {
  type AccessSnapshot,
  applyDelta,
  type SnapshotDelta,
  verifyDelta,
  verifySnapshot,
} from "@tobira/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addStaff, type Call, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { buildApp } from "../http/app";

describeEachDatabase("access control: signed snapshot deltas", (context) => {
  let app: FastifyInstance;
  let security: Call;
  let duty: Call;
  let auditor: Call;
  const ids = {
    hall: 0,
    room: 0,
    door: 0,
    host: 0,
    firstVisitor: 0,
    firstCard: 0,
    secondVisitor: 0,
    secondCard: 0,
  };

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set("2026-09-22T01:00:00Z");
    app = await buildApp(deps);
    security = await signInWithRoles(app, deps, "security", ["securityAdmin"]);
    duty = await signInWithRoles(app, deps, "duty", ["approver"]);
    auditor = await signInWithRoles(app, deps, "auditor", ["auditor"]);
    ids.host = await addStaff(deps, "10001", ["高知", "次郎"]);
    ids.hall = okJson(await security("POST", "/api/access/areas", { name: "庁舎" })).id;
    ids.room = okJson(await security("POST", "/api/access/areas", { name: "機械室", parentId: ids.hall })).id;
    ids.door = okJson(
      await security("POST", "/api/access/doors", {
        name: "機械室入口",
        fromAreaId: ids.hall,
        toAreaId: ids.room,
      }),
    ).id;
    const issue = async (name: string, cardUid: string) =>
      okJson(
        await duty("POST", "/api/visitors", {
          name,
          organisation: "四国設備株式会社",
          purpose: "空調設備の点検",
          hostStaffId: ids.host,
          cardUid,
          doorIds: [ids.door],
        }),
      );
    const first = await issue("四国 太郎", "0102030405060708");
    ids.firstVisitor = first.id;
    ids.firstCard = first.credentialId;
    const second = await issue("四国 花子", "1112131415161718");
    ids.secondVisitor = second.id;
    ids.secondCard = second.credentialId;
  });
  afterAll(() => app.close());

  const publicKey = async () =>
    createPublicKey(okJson(await auditor("GET", "/api/access/snapshot/public-key")).publicKeyPem);

  async function fetchSnapshot(): Promise<AccessSnapshot> {
    const signed = okJson(await auditor("GET", "/api/access/snapshot"));
    const verified = verifySnapshot(
      { payload: Buffer.from(signed.payload, "base64"), signature: Buffer.from(signed.signature, "base64") },
      await publicKey(),
    );
    if (!verified.ok) throw new Error(verified.message);
    return verified.snapshot;
  }

  async function fetchDelta(since: number): Promise<SnapshotDelta> {
    const signed = okJson(await auditor("GET", `/api/access/snapshot/delta?since=${since}`));
    const verified = verifyDelta(
      { payload: Buffer.from(signed.payload, "base64"), signature: Buffer.from(signed.signature, "base64") },
      await publicKey(),
    );
    if (!verified.ok) throw new Error(verified.message);
    expect(verified.delta).toMatchObject({ baseVersion: signed.baseVersion, version: signed.version });
    return verified.delta;
  }

  const credentialOf = (snapshot: AccessSnapshot, key: string) =>
    snapshot.credentials.find((credential) => credential.key === key);

  let held: AccessSnapshot;

  it("has nothing to send to an agent already on the current version", async () => {
    held = await fetchSnapshot();
    const response = await auditor("GET", `/api/access/snapshot/delta?since=${held.version}`);
    expect(response.statusCode, response.body).toBe(204);
    expect(response.body).toBe("");
  });

  it("sends a revocation as a signed delta that turns the held snapshot into the new one", async () => {
    const revoked = await security("POST", `/api/credentials/${ids.firstCard}/revoke`, { reason: "紛失" });
    expect(revoked.statusCode, revoked.body).toBe(200);

    const delta = await fetchDelta(held.version);
    expect(delta).toMatchObject({
      baseVersion: held.version,
      version: held.version + 1,
      changes: [{ type: "credentialStatus", key: "uid:0102030405060708", status: "revoked" }],
    });
    const applied = applyDelta(held, delta);
    if (!applied.ok) throw new Error(applied.message);
    const fresh = await fetchSnapshot();
    expect(applied.snapshot.version).toBe(fresh.version);
    expect(credentialOf(applied.snapshot, "uid:0102030405060708")?.status).toBe("revoked");
    expect(credentialOf(fresh, "uid:0102030405060708")?.status).toBe("revoked");
    expect(applied.snapshot.credentials).toEqual(fresh.credentials);
    expect(applied.snapshot.doors).toEqual(fresh.doors);
  });

  it("folds several status changes, a returned visitor card among them, into one delta", async () => {
    const suspended = await security("POST", `/api/credentials/${ids.secondCard}/suspend`, {
      reason: "置き忘れ",
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    okJson(await duty("POST", `/api/visitors/${ids.secondVisitor}/return`, {}));

    const delta = await fetchDelta(held.version);
    expect(delta.version).toBe(held.version + 3);
    expect(delta.changes).toEqual([
      { type: "credentialStatus", key: "uid:0102030405060708", status: "revoked" },
      { type: "credentialStatus", key: "uid:1112131415161718", status: "suspended" },
      { type: "credentialStatus", key: "uid:1112131415161718", status: "revoked" },
    ]);
    const applied = applyDelta(held, delta);
    if (!applied.ok) throw new Error(applied.message);
    const fresh = await fetchSnapshot();
    expect(applied.snapshot.version).toBe(fresh.version);
    expect(applied.snapshot.credentials).toEqual(fresh.credentials);
    held = fresh;
  });

  it("refuses a delta across a structural change, so the agent fetches the whole snapshot", async () => {
    okJson(
      await security("POST", "/api/access/doors", {
        name: "庁舎通用口",
        fromAreaId: ids.hall,
        toAreaId: ids.room,
      }),
    );
    const refused = await auditor("GET", `/api/access/snapshot/delta?since=${held.version}`);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.message).toContain("/api/access/snapshot");

    // Once on the new snapshot, the agent gets deltas again.
    held = await fetchSnapshot();
    expect((await auditor("GET", `/api/access/snapshot/delta?since=${held.version}`)).statusCode).toBe(204);
  });

  it("refuses versions from before the journal, versions from the future and nonsense", async () => {
    const current = (await fetchSnapshot()).version;
    for (const since of [0, current + 1]) {
      const response = await auditor("GET", `/api/access/snapshot/delta?since=${since}`);
      expect(response.statusCode, response.body).toBe(409);
    }
    expect((await auditor("GET", "/api/access/snapshot/delta?since=abc")).statusCode).toBe(400);
    expect((await auditor("GET", "/api/access/snapshot/delta")).statusCode).toBe(400);
  });
});
