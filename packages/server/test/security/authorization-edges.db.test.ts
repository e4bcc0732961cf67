import { apiTokenScopes, type Permission } from "@tobira/protocol";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DeclaredRoute } from "../../src/http/access";
import { buildApp } from "../../src/http/app";
import { createApiToken, revokeApiToken } from "../../src/integration/api-token-use-cases";
import { describeEachDatabase } from "../databases";
import { createAccount, type Session, signInAs } from "../http";
import { fillRoute, plausibleParams } from "./fill-route";

type InjectMethod = NonNullable<InjectOptions["method"]>;
const injectMethods: readonly string[] = ["GET", "POST", "PUT", "PATCH", "DELETE"] satisfies InjectMethod[];

function isInjectMethod(method: string): method is InjectMethod {
  return injectMethods.includes(method);
}

describeEachDatabase("authorization at the edges: no caller, dead tokens, narrow tokens", (context) => {
  let app: FastifyInstance;
  let routes: DeclaredRoute[];
  let revokedSecret = "";
  let expiredSecret = "";
  let everyScopeSecret = "";
  let session: Session;
  const singleScopeSecrets = new Map<Permission, string>();

  beforeAll(async () => {
    const { deps } = context();
    app = await buildApp(deps);
    await app.ready();
    routes = app.declaredRoutes.filter((route) => route.access !== "public");
    const revoked = await createApiToken(deps, "test", { name: "revoked", scopes: [...apiTokenScopes] });
    await revokeApiToken(deps, "test", revoked.token.id);
    revokedSecret = revoked.secret;
    const expiresAt = new Date(deps.clock.now().getTime() + 60_000).toISOString();
    expiredSecret = (
      await createApiToken(deps, "test", { name: "short", scopes: [...apiTokenScopes], expiresAt })
    ).secret;
    everyScopeSecret = (await createApiToken(deps, "test", { name: "all", scopes: [...apiTokenScopes] }))
      .secret;
    for (const scope of apiTokenScopes) {
      singleScopeSecrets.set(
        scope,
        (await createApiToken(deps, "test", { name: scope, scopes: [scope] })).secret,
      );
    }
    await createAccount(deps, "edge-admin", ["staff", "hr", "securityAdmin", "auditor"]);
    session = await signInAs(app, "edge-admin");
    // Moves past the short token's expiry; sessions are signed in again below where needed.
    deps.clock.set(new Date(deps.clock.now().getTime() + 120_000).toISOString());
  });
  afterAll(() => app.close());

  function call(route: DeclaredRoute, headers: Record<string, string>) {
    if (!isInjectMethod(route.method)) throw new Error(`cannot call ${route.method}`);
    return app.inject({ method: route.method, url: fillRoute(route.url, plausibleParams), headers });
  }

  it.each([
    ["no credentials at all", {}],
    ["an unknown bearer secret", { authorization: "Bearer tbr_not-a-real-token" }],
    ["an empty bearer", { authorization: "Bearer" }],
    ["a session cookie that was never issued", { cookie: "tobira_session=forged", "x-csrf-token": "x" }],
  ])("refuses %s on every non-public route with 401", async (_, headers) => {
    const wrong: string[] = [];
    for (const route of routes) {
      const response = await call(route, headers);
      if (response.statusCode !== 401) wrong.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it("refuses a revoked and an expired API token on every non-public route with 401", async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      for (const [name, secret] of [
        ["revoked", revokedSecret],
        ["expired", expiredSecret],
      ]) {
        const response = await call(route, { authorization: `Bearer ${secret}` });
        if (response.statusCode !== 401)
          wrong.push(`${route.method} ${route.url} ${name} → ${response.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("does not fall back to a valid session cookie when the bearer token is revoked", async () => {
    const route = routes.find((r) => r.method === "GET" && r.url === "/api/staff");
    if (!route) throw new Error("GET /api/staff is not declared");
    const withCookie = await call(route, session.headers);
    expect(withCookie.statusCode).toBe(200);
    const response = await call(route, { ...session.headers, authorization: `Bearer ${revokedSecret}` });
    expect(response.statusCode).toBe(401);
  });

  it("lets a one-scope token through only on routes that need exactly that scope", async () => {
    const wrong: string[] = [];
    for (const [scope, secret] of singleScopeSecrets) {
      // The calls are independent, so each scope's run together.
      const responses = await Promise.all(
        routes.map((route) => call(route, { authorization: `Bearer ${secret}` })),
      );
      for (const [index, route] of routes.entries()) {
        const status = responses[index]?.statusCode;
        if (route.access === scope) {
          if (status === 401 || status === 403)
            wrong.push(`${route.method} ${route.url} [${scope}] refused ${status}`);
        } else if (status !== 403) {
          wrong.push(`${route.method} ${route.url} [${scope}] → ${status}, expected 403`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it("refuses even an every-scope token on signed-in and session-only routes", async () => {
    const personal = routes.filter(
      (route) =>
        route.access === "signedIn" ||
        !apiTokenScopes.some((scope) => scope === route.access) ||
        route.url.startsWith("/api/auth/") ||
        /\/me(?:\/|$)/.test(route.url),
    );
    expect(personal.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const route of personal) {
      const response = await call(route, { authorization: `Bearer ${everyScopeSecret}` });
      if (response.statusCode !== 403) wrong.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});
