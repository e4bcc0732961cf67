import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DeclaredRoute, sessionCookie } from "../../src/http/access";
import { buildApp } from "../../src/http/app";
import { describeEachDatabase, testConfig } from "../databases";
import { createAccount, type Session, sessionFrom, signInAs, testPassword } from "../http";
import { fillRoute, plausibleParams } from "./fill-route";

type InjectMethod = NonNullable<InjectOptions["method"]>;
const unsafeMethods: readonly string[] = ["POST", "PUT", "PATCH", "DELETE"] satisfies InjectMethod[];

function isUnsafeMethod(method: string): method is InjectMethod {
  return unsafeMethods.includes(method);
}

function cookieHeader(token: string): string {
  return `${sessionCookie}=${token}`;
}

describeEachDatabase("CSRF and session fixation", (context) => {
  let app: FastifyInstance;
  let victim: Session;
  let attacker: Session;
  let unsafeRoutes: (DeclaredRoute & { method: InjectMethod })[];

  beforeAll(async () => {
    const { deps } = context();
    app = await buildApp(deps);
    await app.ready();
    await createAccount(deps, "csrf-victim", ["staff", "hr", "securityAdmin", "auditor", "approver"]);
    await createAccount(deps, "csrf-attacker", ["staff"]);
    victim = await signInAs(app, "csrf-victim");
    attacker = await signInAs(app, "csrf-attacker");
    unsafeRoutes = app.declaredRoutes.flatMap((route) =>
      route.access !== "public" && isUnsafeMethod(route.method) ? [{ ...route, method: route.method }] : [],
    );
  });
  afterAll(() => app.close());

  async function signIn(headers: Record<string, string> = {}) {
    return app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { loginId: "csrf-victim", password: testPassword },
      headers,
    });
  }

  async function isSignedIn(token: string): Promise<boolean> {
    const response = await app.inject({
      method: "GET",
      url: "/api/auth/session",
      headers: { cookie: cookieHeader(token) },
    });
    return response.statusCode === 200;
  }

  it("covers every unsafe route that needs a session", () => {
    expect(unsafeRoutes.length).toBeGreaterThan(50);
    expect(unsafeRoutes.some((route) => route.url === "/api/auth/logout")).toBe(true);
  });

  it.each([
    ["without the X-CSRF-Token header", () => ({ cookie: cookieHeader(victim.cookie) })],
    ["with a wrong header", () => ({ cookie: cookieHeader(victim.cookie), "x-csrf-token": "wrong-token" })],
    [
      "with the same-length token of another session",
      () => ({ cookie: cookieHeader(victim.cookie), "x-csrf-token": attacker.csrfToken }),
    ],
    ["with an empty header", () => ({ cookie: cookieHeader(victim.cookie), "x-csrf-token": "" })],
    ["from another site's origin", () => ({ ...victim.headers, origin: "https://evil.example" })],
  ])("refuses every unsafe route with the session cookie %s (403 csrf_failed)", async (_, headersOf) => {
    const headers = headersOf();
    const wrong: string[] = [];
    for (const route of unsafeRoutes) {
      const response = await app.inject({
        method: route.method,
        url: fillRoute(route.url, plausibleParams),
        headers,
        payload: {},
      });
      const id: unknown = response.statusCode === 403 ? response.json().error?.id : undefined;
      if (id !== "csrf_failed")
        wrong.push(`${route.method} ${route.url} → ${response.statusCode} ${id ?? ""}`);
    }
    expect(wrong).toEqual([]);
    // The refused sign-out among them did not end the session.
    expect(await isSignedIn(victim.cookie)).toBe(true);
  });

  it("issues a new session id at sign-in, whatever id the browser was made to carry", async () => {
    const planted = "attacker-chosen-session-id";
    const response = await signIn({ cookie: cookieHeader(planted) });
    const session = sessionFrom(response);
    expect(session.cookie).not.toBe(planted);
    expect(await isSignedIn(planted)).toBe(false);
    expect(await isSignedIn(session.cookie)).toBe(true);
  });

  it("ends the attacker's own session when its id is planted in the victim's browser before sign-in", async () => {
    const plantedSession = await signInAs(app, "csrf-attacker");
    const response = await signIn({ cookie: cookieHeader(plantedSession.cookie) });
    const session = sessionFrom(response);
    expect(session.cookie).not.toBe(plantedSession.cookie);
    expect(session.csrfToken).not.toBe(plantedSession.csrfToken);
    // The id the attacker still holds signs no one in: not the victim, not the attacker.
    expect(await isSignedIn(plantedSession.cookie)).toBe(false);
    const me = await app.inject({ method: "GET", url: "/api/auth/session", headers: session.headers });
    expect(me.json().user.loginId).toBe("csrf-victim");
  });

  it("ends the session on the server at sign-out, so a copied cookie no longer works", async () => {
    const { deps } = context();
    const session = sessionFrom(await signIn());
    const before = await deps.db.selectFrom("session").select("id_hash").execute();
    const logout = await app.inject({ method: "POST", url: "/api/auth/logout", headers: session.headers });
    expect(logout.statusCode).toBe(200);
    const cleared = logout.cookies.find((cookie) => cookie.name === sessionCookie);
    expect(cleared?.value).toBe("");
    const after = await deps.db.selectFrom("session").select("id_hash").execute();
    expect(after).toHaveLength(before.length - 1);
    expect(await isSignedIn(session.cookie)).toBe(false);
    const replay = await app.inject({
      method: "POST",
      url: "/api/notifications/read-all",
      headers: session.headers,
    });
    expect(replay.statusCode).toBe(401);
  });

  it("sets the session cookie HttpOnly, SameSite=Strict, for the whole site, and not Secure unless configured", async () => {
    const response = await signIn();
    const setCookie = response.cookies.find((c) => c.name === sessionCookie);
    expect(setCookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(setCookie?.secure).toBeFalsy();
    expect(setCookie?.maxAge).toBe(context().deps.config.sessionMaxHours * 3600);
    // The CSRF token travels in the JSON body only, never in a cookie a script on another site could ride.
    expect(response.cookies.map((c) => c.name)).toEqual([sessionCookie]);
    expect(sessionFrom(response).csrfToken).not.toBe("");
  });

  describe("with TOBIRA_SECURE_COOKIES", () => {
    let secureApp: FastifyInstance;
    beforeAll(async () => {
      const { deps } = context();
      secureApp = await buildApp({ ...deps, config: testConfig({ TOBIRA_SECURE_COOKIES: "true" }) });
    });
    afterAll(() => secureApp.close());

    it("marks the session cookie Secure", async () => {
      const response = await secureApp.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { loginId: "csrf-attacker", password: testPassword },
      });
      expect(response.statusCode).toBe(200);
      expect(response.cookies.find((c) => c.name === sessionCookie)).toMatchObject({
        secure: true,
        httpOnly: true,
        sameSite: "Strict",
      });
    });
  });
});
