import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase, testConfig } from "../../test/databases";
import { createAccount, sessionFrom, signInAs, testPassword } from "../../test/http";
import { buildApp } from "../http/app";

describeEachDatabase("sign-in, sessions and lockout", (context) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const { deps } = context();
    app = await buildApp({
      ...deps,
      config: testConfig({ TOBIRA_LOCKOUT_THRESHOLD: "5", TOBIRA_LOCKOUT_MINUTES: "15" }),
    });
    await createAccount(deps, "20001", ["staff"]);
    await createAccount(deps, "20002", ["staff"]);
    await createAccount(deps, "20003", ["staff"], { mustChangePassword: true });
    await createAccount(deps, "20004", ["staff"]);
  });
  afterAll(() => app.close());

  const login = (loginId: string, password: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "POST", url: "/api/auth/login", payload: { loginId, password }, headers });

  it("signs in with staff number and password and sets a strict HttpOnly cookie", async () => {
    const response = await login("20001", testPassword);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "tobira_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(response.json().user).toMatchObject({
      loginId: "20001",
      roles: ["staff"],
      mustChangePassword: false,
    });
    const session = sessionFrom(response);
    const me = await app.inject({ method: "GET", url: "/api/auth/session", headers: session.headers });
    expect(me.json().user.loginId).toBe("20001");
  });

  it("does not store the session token, only its hash", async () => {
    const session = await signInAs(app, "20001");
    const rows = await context().deps.db.selectFrom("session").select("id_hash").execute();
    expect(rows.map((r) => r.id_hash)).not.toContain(session.cookie);
  });

  it("answers a wrong password and an unknown staff number alike", async () => {
    const wrong = await login("20001", "wrong password");
    const unknown = await login("99999", "wrong password");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it("locks the account after five wrong passwords, even against the right one, until the lock ends", async () => {
    for (let i = 0; i < 4; i++) expect((await login("20002", "nope")).statusCode).toBe(401);
    const fifth = await login("20002", "nope");
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.id).toBe("account_locked");
    expect((await login("20002", testPassword)).statusCode).toBe(423);
    const audit = await context()
      .deps.db.selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", "20002")
      .execute();
    expect(audit.map((a) => a.action)).toContain("account.locked");
    context().deps.clock.advance(16 * 60_000);
    expect((await login("20002", testPassword)).statusCode).toBe(200);
  });

  it("ends a session after the idle time and rejects its cookie", async () => {
    const session = await signInAs(app, "20001");
    context().deps.clock.advance(61 * 60_000);
    const me = await app.inject({ method: "GET", url: "/api/auth/session", headers: session.headers });
    expect(me.statusCode).toBe(401);
  });

  it("gives a new session id at sign-in and ends the one the browser carried (no fixation)", async () => {
    const first = await signInAs(app, "20001");
    const second = sessionFrom(await login("20001", testPassword, { cookie: first.headers.cookie ?? "" }));
    expect(second.cookie).not.toBe(first.cookie);
    expect(
      (await app.inject({ method: "GET", url: "/api/auth/session", headers: first.headers })).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: "GET", url: "/api/auth/session", headers: second.headers })).statusCode,
    ).toBe(200);
  });

  it("refuses a state-changing request without the session's CSRF token", async () => {
    const session = await signInAs(app, "20001");
    const noToken = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: session.headers.cookie ?? "" },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.id).toBe("csrf_failed");
    const wrongToken = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: session.headers.cookie ?? "", "x-csrf-token": "x".repeat(32) },
    });
    expect(wrongToken.statusCode).toBe(403);
    const foreign = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { ...session.headers, origin: "https://evil.example", host: "localhost:80" },
    });
    expect(foreign.statusCode).toBe(403);
    const good = await app.inject({ method: "POST", url: "/api/auth/logout", headers: session.headers });
    expect(good.statusCode).toBe(200);
    expect(
      (await app.inject({ method: "GET", url: "/api/auth/session", headers: session.headers })).statusCode,
    ).toBe(401);
  });

  it("keeps a user who must change the password away from everything else until it is changed", async () => {
    const session = await signInAs(app, "20003");
    const blocked = await app.inject({ method: "GET", url: "/api/staff", headers: session.headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.id).toBe("password_change_required");
    const tooShort = await app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: session.headers,
      payload: { currentPassword: testPassword, newPassword: "short" },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.issues[0].path).toBe("body.newPassword");
    const changed = await app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: session.headers,
      payload: { currentPassword: testPassword, newPassword: "a much longer secret" },
    });
    expect(changed.statusCode).toBe(200);
    expect(
      (await app.inject({ method: "GET", url: "/api/staff", headers: session.headers })).statusCode,
    ).toBe(200);
    expect((await login("20003", "a much longer secret")).statusCode).toBe(200);
  });

  it("signs out other devices when the password changes", async () => {
    const laptop = await signInAs(app, "20004");
    const phone = await signInAs(app, "20004");
    const changed = await app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: laptop.headers,
      payload: { currentPassword: testPassword, newPassword: "another long secret" },
    });
    expect(changed.statusCode).toBe(200);
    expect(
      (await app.inject({ method: "GET", url: "/api/auth/session", headers: phone.headers })).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: "GET", url: "/api/auth/session", headers: laptop.headers })).statusCode,
    ).toBe(200);
  });
});

describe("login throttling per address", () => {
  describeEachDatabase("throttle", (context) => {
    it("answers 429 once an address has used up its attempts", async () => {
      const { deps } = context();
      const app = await buildApp({ ...deps, config: testConfig({ TOBIRA_LOGIN_ATTEMPTS_PER_ADDRESS: "5" }) });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { loginId: `x${i}`, password: "guess" },
        });
        statuses.push(r.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      await app.close();
    });
  });
});
