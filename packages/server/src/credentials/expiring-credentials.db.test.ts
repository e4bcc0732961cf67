import type { TestJpkiCa } from "@tobira/card";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase, testConfig } from "../../test/databases";
import { createAccount, type Session, signInAs } from "../../test/http";
import { buildApp } from "../http/app";
import { insertDepartment } from "../org/department-repository";
import { createStaff } from "../org/staff-use-cases";
import {
  createTestCa,
  createTestMyNumberCard,
  fromBase64,
  type TestMyNumberCard,
  toBase64,
  writeTrustAnchorFile,
} from "./test-cards.fixture";

const DAY_MS = 86_400_000;

describeEachDatabase("certificates expiring within 90 days", (context) => {
  let app: FastifyInstance;
  let security: Session;
  let auditor: Session;
  let ca: TestJpkiCa;
  const now = new Date("2026-07-01T00:00:00Z");
  const enrolled = new Map<string, number>();

  const call = async (session: Session, method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

  async function enrol(label: string, staffId: number, notAfter: Date): Promise<void> {
    const card: TestMyNumberCard = createTestMyNumberCard(ca, {
      notBefore: new Date(now.getTime() - 4 * 365 * DAY_MS),
      notAfter,
    });
    const { challengeId, challenge } = (
      await call(security, "POST", "/api/credentials/enrolment-challenges")
    ).json();
    const response = await call(security, "POST", "/api/credentials", {
      staffId,
      kind: "jpki",
      certificate: toBase64(await card.readCertificate()),
      challengeId,
      challenge,
      signature: toBase64(await card.signChallenge(fromBase64(challenge))),
    });
    expect(response.statusCode, response.body).toBe(200);
    enrolled.set(label, response.json().id);
  }

  beforeAll(async () => {
    const base = context().deps;
    base.clock.set(now);
    ca = createTestCa(now);
    const deps = {
      ...base,
      config: testConfig({ TOBIRA_JPKI_TRUST_ANCHORS: writeTrustAnchorFile([ca.certificate]) }),
    };
    app = await buildApp(deps);
    const department = await insertDepartment(deps.db, {
      code: "2200",
      name: "税務課",
      kind: "section",
      parentId: null,
      validFrom: "2000-04-01",
      validTo: null,
    });
    const staff = await createStaff(deps, "test", {
      staffNumber: "40001",
      familyName: "愛媛",
      givenName: "一郎",
      familyNameKana: "エヒメ",
      givenNameKana: "イチロウ",
      employmentType: "regular",
      startDate: "2005-04-01",
      endDate: null,
      email: null,
      phone: null,
      departmentId: department.id,
      positionId: null,
    });
    await createAccount(deps, "security", ["securityAdmin"]);
    await createAccount(deps, "auditor", ["auditor"]);
    security = await signInAs(app, "security");
    auditor = await signInAs(app, "auditor");
    await enrol("on the edge", staff.id, new Date(now.getTime() + 90 * DAY_MS));
    await enrol("a second past it", staff.id, new Date(now.getTime() + 90 * DAY_MS + 1000));
    await enrol("next week", staff.id, new Date(now.getTime() + 7 * DAY_MS));
    await enrol("revoked", staff.id, new Date(now.getTime() + 30 * DAY_MS));
    await call(security, "POST", `/api/credentials/${enrolled.get("revoked")}/revoke`, { reason: "紛失" });
    await call(security, "POST", "/api/credentials", { staffId: staff.id, kind: "uid", uid: "01020304" });
  });
  afterAll(() => app.close());

  it("lists certificates expiring within 90 days, the 90th day included, soonest first, with name and department", async () => {
    const response = await call(auditor, "GET", "/api/credentials/expiring?days=90");
    expect(response.statusCode, response.body).toBe(200);
    const { days, items } = response.json();
    expect(days).toBe(90);
    expect(items.map((item: { credentialId: number }) => item.credentialId)).toEqual([
      enrolled.get("next week"),
      enrolled.get("on the edge"),
    ]);
    expect(items[1]).toMatchObject({
      staffNumber: "40001",
      familyName: "愛媛",
      givenName: "一郎",
      departmentName: "税務課",
      status: "active",
      validTo: new Date(now.getTime() + 90 * DAY_MS).toISOString(),
      daysLeft: 90,
    });
    expect(items[1].serialNumber).toMatch(/^[0-9a-f]+$/);
  });

  it("defaults to 90 days and takes another horizon", async () => {
    const byDefault = (await call(auditor, "GET", "/api/credentials/expiring")).json();
    expect(byDefault.items).toHaveLength(2);
    const week = (await call(auditor, "GET", "/api/credentials/expiring?days=7")).json();
    expect(week.items.map((item: { credentialId: number }) => item.credentialId)).toEqual([
      enrolled.get("next week"),
    ]);
  });

  it("keeps listing a certificate once it has expired, with the days counted below zero", async () => {
    context().deps.clock.set(new Date(now.getTime() + 8 * DAY_MS));
    const later = await signInAs(app, "auditor");
    const { items } = (await call(later, "GET", "/api/credentials/expiring?days=1")).json();
    expect(items).toMatchObject([{ credentialId: enrolled.get("next week"), daysLeft: -1 }]);
  });
});
