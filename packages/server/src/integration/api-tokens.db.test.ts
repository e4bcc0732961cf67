import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Call, caller, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { type Session, signInAs } from "../../test/http";
import { listAudit } from "../audit/audit-repository";
import { insertDepartment } from "../org/department-repository";
import { buildIntegrationApp } from "./integration-app.fixture";

describeEachDatabase("API tokens for other town systems", (context) => {
  let app: FastifyInstance;
  let admin: Call;
  let adminSession: Session;
  let departmentId = 0;
  const monthUrl = () => `/api/attendance/departments/${departmentId}/months/2026-10`;
  const withToken = (secret: string, method: "GET" | "POST", url: string) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${secret}` } });
  const createToken = async (body: object) => okJson(await admin("POST", "/api/integration/tokens", body));

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set("2026-11-05T00:00:00Z");
    app = await buildIntegrationApp(deps);
    await signInWithRoles(app, deps, "token-admin", ["sysadmin"]);
    adminSession = await signInAs(app, "token-admin");
    admin = caller(app, adminSession);
    const department = await insertDepartment(deps.db, {
      code: "8100",
      name: "連携課",
      kind: "section",
      parentId: null,
      validFrom: "2020-04-01",
      validTo: null,
    });
    departmentId = department.id;
  });
  afterAll(() => app.close());

  describe("a token scoped to attendance.read", () => {
    let secret = "";
    let tokenId = 0;

    beforeAll(async () => {
      const created = await createToken({ name: "人事給与システム", scopes: ["attendance.read"] });
      secret = created.secret;
      tokenId = created.token.id;
    });

    it("is shown once, as tbr_ and 32 random bytes, and listed without its secret", async () => {
      expect(secret).toMatch(/^tbr_[A-Za-z0-9_-]{43}$/);
      const list = okJson(await admin("GET", "/api/integration/tokens"));
      const listed = list.items.find((t: { id: number }) => t.id === tokenId);
      expect(listed).toMatchObject({
        name: "人事給与システム",
        scopes: ["attendance.read"],
        state: "active",
        createdBy: "token-admin",
      });
      expect(JSON.stringify(list)).not.toContain(secret.slice(4));
    });

    it("reads a department's month without a session or CSRF header", async () => {
      const month = okJson(await withToken(secret, "GET", monthUrl()));
      expect(month.close).toEqual({ closed: false, closedByDepartmentId: null, history: [] });
    });

    it("records when it was last used, at most once a minute", async () => {
      const { deps } = context();
      const lastUsed = async () =>
        (
          await deps.db
            .selectFrom("api_token")
            .select("last_used_at")
            .where("id", "=", tokenId)
            .executeTakeFirst()
        )?.last_used_at;
      expect(await lastUsed()).toBe("2026-11-05T00:00:00.000Z");
      deps.clock.advance(30_000);
      okJson(await withToken(secret, "GET", monthUrl()));
      expect(await lastUsed()).toBe("2026-11-05T00:00:00.000Z");
      deps.clock.advance(31_000);
      okJson(await withToken(secret, "GET", monthUrl()));
      expect(await lastUsed()).toBe("2026-11-05T00:01:01.000Z");
    });

    it("is refused (403) on a route needing a permission outside its scopes", async () => {
      const payroll = await withToken(secret, "GET", `${monthUrl()}/payroll`);
      expect(payroll.statusCode).toBe(403);
      expect(payroll.json().error.message).toContain("payroll.export");
      expect((await withToken(secret, "POST", `${monthUrl()}/close`)).statusCode).toBe(403);
      expect((await withToken(secret, "GET", "/api/integration/tokens")).statusCode).toBe(403);
    });

    it("cannot call a signed-in person's routes", async () => {
      expect((await withToken(secret, "GET", "/api/auth/session")).statusCode).toBe(403);
      expect((await withToken(secret, "POST", "/api/auth/logout")).statusCode).toBe(403);
      expect((await withToken(secret, "GET", "/api/attendance/me/months/2026-10")).statusCode).toBe(403);
    });

    it("stops working once revoked (401) and says so", async () => {
      const revoked = okJson(await admin("POST", `/api/integration/tokens/${tokenId}/revoke`));
      expect(revoked).toMatchObject({ state: "revoked", revokedBy: "token-admin" });
      const refused = await withToken(secret, "GET", monthUrl());
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error).toEqual({
        id: "unauthenticated",
        message: "This API token has been revoked.",
      });
      expect((await admin("POST", `/api/integration/tokens/${tokenId}/revoke`)).statusCode).toBe(409);
    });
  });

  it("stops working when it expires (401)", async () => {
    const { deps } = context();
    const expiresAt = new Date(deps.clock.now().getTime() + 3_600_000).toISOString();
    const { secret } = await createToken({ name: "期限付き", scopes: ["attendance.read"], expiresAt });
    expect((await withToken(secret, "GET", monthUrl())).statusCode).toBe(200);
    deps.clock.advance(3_600_000);
    const refused = await withToken(secret, "GET", monthUrl());
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toBe(`This API token expired at ${expiresAt}.`);
    // The hour also ended the administrator's idle session.
    adminSession = await signInAs(app, "token-admin");
    admin = caller(app, adminSession);
  });

  it("refuses a wrong or empty token (401) and never falls back to the session", async () => {
    const { secret } = await createToken({ name: "正しい", scopes: ["attendance.read"] });
    const wrong = await withToken(`${secret.slice(0, -1)}x`, "GET", monthUrl());
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe("The API token is not valid.");
    expect((await withToken("", "GET", monthUrl())).statusCode).toBe(401);
    expect((await withToken("tbr_made-up", "GET", monthUrl())).statusCode).toBe(401);
    const withCookieToo = await app.inject({
      method: "GET",
      url: monthUrl(),
      headers: { ...adminSession.headers, authorization: "Bearer tbr_made-up" },
    });
    expect(withCookieToo.statusCode).toBe(401);
  });

  it("acts as token:<id> in the audit log, with no CSRF header on a POST", async () => {
    const { deps } = context();
    const { secret, token } = await createToken({
      name: "締め連携",
      scopes: ["attendance.read", "attendance.close"],
    });
    const closed = okJson(await withToken(secret, "POST", `${monthUrl()}/close`));
    expect(closed.closed).toBe(true);
    expect(closed.history[0].closedBy).toBe(`token:${token.id}`);
    const audit = await listAudit(deps.db, { limit: 50, action: "attendance.monthClosed" });
    expect(audit[0]).toMatchObject({ actor: `token:${token.id}`, targetId: String(departmentId) });
  });

  it("keeps every secret out of the database and the audit log", async () => {
    const { deps } = context();
    const { secret, token } = await createToken({
      name: "監査確認",
      scopes: ["access.read", "staff.import"],
    });
    okJson(await admin("POST", `/api/integration/tokens/${token.id}/revoke`));
    const tokens = await deps.db.selectFrom("api_token").selectAll().execute();
    const audit = await listAudit(deps.db, { limit: 500 });
    const stored = JSON.stringify({ tokens, audit });
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice(4));
    expect(
      audit
        .filter((e) => e.targetType === "apiToken" && e.targetId === String(token.id))
        .map((e) => e.action),
    ).toEqual(["integration.tokenRevoked", "integration.tokenCreated"]);
  });

  it("lets only a sysadmin manage tokens, and never with a scope only a person may use", async () => {
    const hr = await signInWithRoles(app, context().deps, "token-hr", ["hr"]);
    expect(
      (await hr("POST", "/api/integration/tokens", { name: "x", scopes: ["attendance.read"] })).statusCode,
    ).toBe(403);
    for (const scope of ["integration.manage", "self.manage", "account.assignRoles"]) {
      const refused = await admin("POST", "/api/integration/tokens", { name: "昇格", scopes: [scope] });
      expect(refused.statusCode, scope).toBe(400);
    }
    const past = await admin("POST", "/api/integration/tokens", {
      name: "過去",
      scopes: ["attendance.read"],
      expiresAt: "2020-01-01T00:00:00Z",
    });
    expect(past.statusCode).toBe(400);
  });
});
