import { jpkiProfile, parseCertificate, proveJpkiCardholder, type TestJpkiCa } from "@tobira/card";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase, testConfig } from "../../test/databases";
import { createAccount, type Session, signInAs } from "../../test/http";
import { buildApp } from "../http/app";
import { insertDepartment } from "../org/department-repository";
import { createStaff } from "../org/staff-use-cases";
import {
  createFreshMyNumberCard,
  createStrangerCa,
  createTestCa,
  createTestMyNumberCard,
  createTestStaffCard,
  fromBase64,
  type TestMyNumberCard,
  toBase64,
  writeTrustAnchorFile,
} from "./test-cards.fixture";

const DAY_MS = 86_400_000;

describeEachDatabase("credentials: enrolment with proof, suspension, revocation, replacement", (context) => {
  let app: FastifyInstance;
  let security: Session;
  let auditor: Session;
  let staffMember: Session;
  let ca: TestJpkiCa;
  const staffIds: number[] = [];

  const call = async (session: Session, method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

  async function newChallenge(session = security): Promise<{ challengeId: number; challenge: string }> {
    const response = await call(session, "POST", "/api/credentials/enrolment-challenges");
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  async function myNumberCardBody(staffId: number, card: TestMyNumberCard, signer: TestMyNumberCard = card) {
    const { challengeId, challenge } = await newChallenge();
    const signature = await signer.signChallenge(fromBase64(challenge));
    return {
      staffId,
      kind: "jpki",
      certificate: toBase64(await card.readCertificate()),
      challengeId,
      challenge,
      signature: toBase64(signature),
    };
  }

  const firstIssue = (response: { json(): { error: { issues?: { path: string; message: string }[] } } }) =>
    response.json().error.issues?.[0];

  beforeAll(async () => {
    const base = context().deps;
    base.clock.set("2026-06-01T00:00:00Z");
    ca = createTestCa(base.clock.now());
    const deps = {
      ...base,
      config: testConfig({ TOBIRA_JPKI_TRUST_ANCHORS: writeTrustAnchorFile([ca.certificate]) }),
    };
    app = await buildApp(deps);
    const department = await insertDepartment(deps.db, {
      code: "1100",
      name: "総務課",
      kind: "section",
      parentId: null,
      validFrom: "2000-04-01",
      validTo: null,
    });
    const people: [string, string][] = [
      ["20001", "香川"],
      ["20002", "徳島"],
    ];
    for (const [staffNumber, familyName] of people) {
      const staff = await createStaff(deps, "test", {
        staffNumber,
        familyName,
        givenName: "花子",
        familyNameKana: "カガワ",
        givenNameKana: "ハナコ",
        employmentType: "regular",
        startDate: "2010-04-01",
        endDate: null,
        email: null,
        phone: null,
        departmentId: department.id,
        positionId: null,
      });
      staffIds.push(staff.id);
    }
    await createAccount(deps, "security", ["securityAdmin"]);
    await createAccount(deps, "auditor", ["auditor"]);
    await createAccount(deps, "staff", ["staff"]);
    security = await signInAs(app, "security");
    auditor = await signInAs(app, "auditor");
    staffMember = await signInAs(app, "staff");
  });
  afterAll(() => app.close());

  const staffId = (index: number): number => {
    const id = staffIds[index];
    if (id === undefined) throw new Error(`no staff member ${index}`);
    return id;
  };

  describe("My Number Card", () => {
    let card: TestMyNumberCard;
    let credentialId = 0;

    it("issues single-use 32-byte challenges that live five minutes", async () => {
      const response = await call(security, "POST", "/api/credentials/enrolment-challenges");
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(fromBase64(body.challenge)).toHaveLength(32);
      expect(body.expiresAt).toBe(new Date(context().deps.clock.now().getTime() + 5 * 60_000).toISOString());
      const stored = await context()
        .deps.db.selectFrom("credential_challenge")
        .selectAll()
        .where("id", "=", body.challengeId)
        .executeTakeFirstOrThrow();
      expect(stored.challenge_hash).not.toContain(Buffer.from(body.challenge, "base64").toString("hex"));
      expect(stored.challenge_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it("enrols a virtual My Number Card whose PIN-verified key signed the server's challenge", async () => {
      card = createFreshMyNumberCard(ca, context().deps.clock.now());
      const response = await call(
        security,
        "POST",
        "/api/credentials",
        await myNumberCardBody(staffId(0), card),
      );
      expect(response.statusCode, response.body).toBe(200);
      const credential = response.json();
      credentialId = credential.id;
      const identity = await jpkiProfile.identify(card.connection);
      if (identity?.kind !== "jpki") throw new Error("the card was not recognised as a My Number Card");
      // The key readers build from a tap is the key enrolment stored.
      expect(credential).toMatchObject({
        staffId: staffId(0),
        visitorId: null,
        kind: "jpki",
        key: `jpki:${identity.issuer}#${identity.serialNumber}`,
        issuer: identity.issuer,
        serialNumber: identity.serialNumber,
        validTo: new Date(identity.notAfter).toISOString(),
        status: "active",
        enrolledBy: "security",
        replacesId: null,
      });
      // A door's card + PIN check succeeds against the public key kept at enrolment.
      const proven = await proveJpkiCardholder(card.connection, {
        pin: "4321",
        challenge: new Uint8Array(32).fill(7),
        enrolledPublicKey: fromBase64(credential.publicKey),
      });
      expect(proven).toBe(true);
    });

    it("refuses the same certificate a second time, to anyone", async () => {
      const again = await call(
        security,
        "POST",
        "/api/credentials",
        await myNumberCardBody(staffId(1), card),
      );
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toContain(`credential ${credentialId}`);
    });

    it("refuses a certificate from a CA that is not configured, naming the validator's reason", async () => {
      const now = context().deps.clock.now();
      const stranger = createFreshMyNumberCard(createStrangerCa(now), now);
      const response = await call(
        security,
        "POST",
        "/api/credentials",
        await myNumberCardBody(staffId(1), stranger),
      );
      expect(response.statusCode).toBe(400);
      expect(firstIssue(response)).toMatchObject({
        path: "certificate",
        message: expect.stringMatching(/^unknown_issuer: /),
      });
    });

    it("refuses a certificate signed by a look-alike CA carrying J-LIS's name", async () => {
      const now = context().deps.clock.now();
      const forged = createFreshMyNumberCard(createTestCa(now), now);
      const response = await call(
        security,
        "POST",
        "/api/credentials",
        await myNumberCardBody(staffId(1), forged),
      );
      expect(response.statusCode).toBe(400);
      expect(firstIssue(response)?.message).toMatch(/^bad_signature: /);
    });

    it("refuses an expired certificate", async () => {
      const now = context().deps.clock.now().getTime();
      const expired = createTestMyNumberCard(ca, {
        notBefore: new Date(now - 5 * 365 * DAY_MS),
        notAfter: new Date(now - DAY_MS),
      });
      const response = await call(
        security,
        "POST",
        "/api/credentials",
        await myNumberCardBody(staffId(1), expired),
      );
      expect(response.statusCode).toBe(400);
      expect(firstIssue(response)?.message).toMatch(/^expired: certificate [0-9a-f]+ expired at /);
      expect(response.json().error.message).toContain("expired");
    });

    it("refuses a signature made by another card than the one whose certificate was sent", async () => {
      const now = context().deps.clock.now();
      const presented = createFreshMyNumberCard(ca, now);
      const other = createFreshMyNumberCard(ca, now);
      const body = await myNumberCardBody(staffId(1), presented, other);
      const response = await call(security, "POST", "/api/credentials", body);
      expect(response.statusCode).toBe(400);
      expect(firstIssue(response)).toEqual({
        path: "signature",
        message: "does not verify with the certificate's public key",
      });
      // The attempt used the challenge up: a second try with a right signature is refused.
      const retry = await call(security, "POST", "/api/credentials", {
        ...body,
        signature: toBase64(await presented.signChallenge(fromBase64(body.challenge))),
      });
      expect(firstIssue(retry)).toEqual({ path: "challengeId", message: "has already been used" });
    });

    it("refuses a challenge used before", async () => {
      const now = context().deps.clock.now();
      const first = createFreshMyNumberCard(ca, now);
      const body = await myNumberCardBody(staffId(1), first);
      expect((await call(security, "POST", "/api/credentials", body)).statusCode).toBe(200);
      const second = createFreshMyNumberCard(ca, now);
      const replayed = await call(security, "POST", "/api/credentials", {
        ...body,
        certificate: toBase64(await second.readCertificate()),
        signature: toBase64(await second.signChallenge(fromBase64(body.challenge))),
      });
      expect(replayed.statusCode).toBe(400);
      expect(firstIssue(replayed)).toEqual({ path: "challengeId", message: "has already been used" });
    });

    it("refuses an unknown challenge and one that does not match its id", async () => {
      const card2 = createFreshMyNumberCard(ca, context().deps.clock.now());
      const body = await myNumberCardBody(staffId(1), card2);
      const unknown = await call(security, "POST", "/api/credentials", { ...body, challengeId: 999_999 });
      expect(firstIssue(unknown)).toEqual({ path: "challengeId", message: "is unknown" });
      const other = await newChallenge();
      const mismatch = await call(security, "POST", "/api/credentials", {
        ...body,
        challengeId: other.challengeId,
      });
      expect(firstIssue(mismatch)).toEqual({ path: "challenge", message: "is not the challenge issued" });
    });

    it("refuses a challenge after its five minutes", async () => {
      const { clock } = context().deps;
      const late = createFreshMyNumberCard(ca, clock.now());
      const body = await myNumberCardBody(staffId(1), late);
      clock.advance(5 * 60_000);
      const response = await call(security, "POST", "/api/credentials", body);
      expect(response.statusCode).toBe(400);
      expect(firstIssue(response)).toEqual({ path: "challengeId", message: "has expired" });
      expect(response.json().error.message).toMatch(/expired at .*Ask for a new challenge/);
    });

    it("refuses My Number Cards with a clear message when no trust anchors are configured", async () => {
      const unconfigured = await buildApp(context().deps);
      try {
        const body = await myNumberCardBody(
          staffId(1),
          createFreshMyNumberCard(ca, context().deps.clock.now()),
        );
        const response = await unconfigured.inject({
          method: "POST",
          url: "/api/credentials",
          headers: security.headers,
          payload: body,
        });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.message).toContain("TOBIRA_JPKI_TRUST_ANCHORS");
      } finally {
        await unconfigured.close();
      }
    });
  });

  describe("staff card and IC card", () => {
    it("enrols a staff card whose key answered INTERNAL AUTHENTICATE over the challenge", async () => {
      const card = await createTestStaffCard();
      const { challengeId, challenge } = await newChallenge();
      const signature = await card.signChallenge(fromBase64(challenge));
      const response = await call(security, "POST", "/api/credentials", {
        staffId: staffId(1),
        kind: "staffCard",
        cardId: card.cardId.toUpperCase(),
        publicKey: toBase64(card.publicKey),
        challengeId,
        challenge,
        signature: toBase64(signature),
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        kind: "staffCard",
        key: `staffCard:${card.cardId}`,
        publicKey: toBase64(card.publicKey),
        validTo: null,
        status: "active",
      });
    });

    it("refuses a staff card whose signature does not fit the public key given", async () => {
      const card = await createTestStaffCard();
      const impostor = await createTestStaffCard();
      const { challengeId, challenge } = await newChallenge();
      const response = await call(security, "POST", "/api/credentials", {
        staffId: staffId(1),
        kind: "staffCard",
        cardId: card.cardId,
        publicKey: toBase64(card.publicKey),
        challengeId,
        challenge,
        signature: toBase64(await impostor.signChallenge(fromBase64(challenge))),
      });
      expect(response.statusCode).toBe(400);
      expect(firstIssue(response)?.path).toBe("signature");
    });

    it("refuses a staff card key that is not P-256", async () => {
      const card = await createTestStaffCard();
      const { challengeId, challenge } = await newChallenge();
      const rsa = createFreshMyNumberCard(ca, context().deps.clock.now());
      const response = await call(security, "POST", "/api/credentials", {
        staffId: staffId(1),
        kind: "staffCard",
        cardId: card.cardId,
        publicKey: toBase64(parseCertificate(await rsa.readCertificate()).subjectPublicKeyInfo),
        challengeId,
        challenge,
        signature: toBase64(await card.signChallenge(fromBase64(challenge))),
      });
      expect(response.statusCode).toBe(400);
      expect(firstIssue(response)?.path).toBe("publicKey");
    });

    it("enrols an IC card by its UID, and a staff member may hold several cards", async () => {
      const response = await call(security, "POST", "/api/credentials", {
        staffId: staffId(1),
        kind: "uid",
        uid: "0123456789ABCDEF",
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ kind: "uid", key: "uid:0123456789abcdef", publicKey: null });
      const list = await call(auditor, "GET", `/api/credentials?staffId=${staffId(1)}&status=active`);
      expect(
        list
          .json()
          .items.map((c: { kind: string }) => c.kind)
          .sort(),
      ).toEqual(["jpki", "staffCard", "uid"]);
    });

    it("refuses a random UID, which changes at every tap", async () => {
      const response = await call(security, "POST", "/api/credentials", {
        staffId: staffId(1),
        kind: "uid",
        uid: "08a1b2c3",
      });
      expect(response.statusCode).toBe(400);
      expect(firstIssue(response)?.path).toBe("uid");
    });

    it("refuses enrolment to a staff member who does not exist", async () => {
      const response = await call(security, "POST", "/api/credentials", {
        staffId: 999_999,
        kind: "uid",
        uid: "0a0b0c0d",
      });
      expect(response.statusCode).toBe(400);
      expect(firstIssue(response)).toEqual({ path: "staffId", message: "does not exist" });
    });
  });

  describe("suspend, reinstate, revoke and replace", () => {
    let credentialId = 0;
    let card: TestMyNumberCard;

    beforeAll(async () => {
      card = createFreshMyNumberCard(ca, context().deps.clock.now());
      const response = await call(
        security,
        "POST",
        "/api/credentials",
        await myNumberCardBody(staffId(1), card),
      );
      credentialId = response.json().id;
    });

    it("suspends a mislaid card and reinstates it when found, with the reasons recorded", async () => {
      const suspended = await call(security, "POST", `/api/credentials/${credentialId}/suspend`, {
        reason: "庁舎内で紛失",
      });
      expect(suspended.statusCode, suspended.body).toBe(200);
      expect(suspended.json()).toMatchObject({
        status: "suspended",
        statusReason: "庁舎内で紛失",
        statusChangedBy: "security",
        statusChangedAt: context().deps.clock.now().toISOString(),
      });
      const twice = await call(security, "POST", `/api/credentials/${credentialId}/suspend`, {
        reason: "again",
      });
      expect(twice.statusCode).toBe(409);
      const reinstated = await call(security, "POST", `/api/credentials/${credentialId}/reinstate`, {
        reason: "発見",
      });
      expect(reinstated.json()).toMatchObject({ status: "active", statusReason: "発見" });
    });

    it("asks for a reason", async () => {
      const response = await call(security, "POST", `/api/credentials/${credentialId}/suspend`, {
        reason: " ",
      });
      expect(response.statusCode).toBe(400);
    });

    it("replaces a renewed card: the old one is revoked and the new one records what it replaces", async () => {
      const renewed = createFreshMyNumberCard(ca, context().deps.clock.now());
      const { staffId: _, ...proof } = await myNumberCardBody(staffId(1), renewed);
      const response = await call(security, "POST", `/api/credentials/${credentialId}/replace`, {
        ...proof,
        reason: "電子証明書の更新",
      });
      expect(response.statusCode, response.body).toBe(200);
      const replacement = response.json();
      expect(replacement).toMatchObject({
        staffId: staffId(1),
        kind: "jpki",
        status: "active",
        replacesId: credentialId,
      });
      const old = (await call(auditor, "GET", `/api/credentials/${credentialId}`)).json();
      expect(old).toMatchObject({
        status: "revoked",
        statusReason: "電子証明書の更新",
        replacedById: replacement.id,
      });
    });

    it("keeps revocation final", async () => {
      for (const change of ["reinstate", "suspend", "revoke"]) {
        const response = await call(security, "POST", `/api/credentials/${credentialId}/${change}`, {
          reason: "x",
        });
        expect(response.statusCode).toBe(409);
        expect(response.json().error.message).toContain("revocation is final");
      }
      const { staffId: _, ...proof } = await myNumberCardBody(
        staffId(1),
        createFreshMyNumberCard(ca, context().deps.clock.now()),
      );
      const replaced = await call(security, "POST", `/api/credentials/${credentialId}/replace`, {
        ...proof,
        reason: "x",
      });
      expect(replaced.statusCode).toBe(409);
    });

    it("revokes a card for good, and the revoked certificate cannot be enrolled again", async () => {
      const list = await call(auditor, "GET", `/api/credentials?staffId=${staffId(1)}&kind=uid`);
      const [uid] = list.json().items;
      const revoked = await call(security, "POST", `/api/credentials/${uid.id}/revoke`, { reason: "退職" });
      expect(revoked.json()).toMatchObject({ status: "revoked", statusReason: "退職" });
      const again = await call(
        security,
        "POST",
        "/api/credentials",
        await myNumberCardBody(staffId(0), card),
      );
      expect(again.statusCode).toBe(409);
    });

    it("lists by staff member, status and kind", async () => {
      const revoked = await call(auditor, "GET", `/api/credentials?staffId=${staffId(1)}&status=revoked`);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json().total).toBe(2);
      const jpki = await call(auditor, "GET", "/api/credentials?kind=jpki&status=active");
      expect(
        jpki
          .json()
          .items.every((c: { kind: string; status: string }) => c.kind === "jpki" && c.status === "active"),
      ).toBe(true);
    });

    it("lets only the security administrator change credentials", async () => {
      const byAuditor = await call(auditor, "POST", `/api/credentials/${credentialId}/suspend`, {
        reason: "x",
      });
      expect(byAuditor.statusCode).toBe(403);
      expect((await call(staffMember, "GET", "/api/credentials")).statusCode).toBe(403);
      expect((await call(auditor, "POST", "/api/credentials/enrolment-challenges")).statusCode).toBe(403);
    });
  });

  it("audits every change with ids, kinds and keys", async () => {
    const response = await call(auditor, "GET", "/api/audit?limit=100");
    const entries: { action: string; targetType: string; details: Record<string, unknown> }[] =
      response.json().items;
    const actions = new Set(entries.map((entry) => entry.action));
    for (const action of [
      "credential.enrolled",
      "credential.suspended",
      "credential.reinstated",
      "credential.revoked",
      "credential.replaced",
    ]) {
      expect(actions, action).toContain(action);
    }
    const enrolled = entries.find((entry) => entry.action === "credential.enrolled");
    expect(enrolled?.details).toMatchObject({
      credentialId: expect.any(Number),
      kind: expect.any(String),
      key: expect.any(String),
      staffId: expect.any(Number),
      accessVersion: expect.any(Number),
    });
    const verified = await call(auditor, "POST", "/api/audit/verify");
    expect(verified.json()).toMatchObject({ ok: true });
  });
});
