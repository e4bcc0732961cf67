import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { buildApp } from "./app";

describeEachDatabase("the HTTP shell", (context) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(context().deps);
  });
  afterAll(() => app.close());

  it("reports health with the database kind", async () => {
    const health = await app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({
      status: "ok",
      database: context().deps.dialect,
      databaseReachable: true,
    });
  });

  it("documents every API route in OpenAPI generated from the route schemas", async () => {
    const spec = (await app.inject({ method: "GET", url: "/api/docs/json" })).json();
    expect(spec.openapi).toMatch(/^3\./);
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    const declared = app.declaredRoutes.map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual(declared.sort());
    expect(spec.paths["/api/staff"].get.parameters.map((p: { name: string }) => p.name)).toContain("q");
    const docsPage = await app.inject({ method: "GET", url: "/api/docs" });
    expect(docsPage.statusCode).toBeLessThan(400);
  });

  it("sends security headers and keeps API answers out of caches", async () => {
    const response = await app.inject({ method: "GET", url: "/api/health" });
    expect(response.headers).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "cache-control": "no-store",
    });
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it("answers an unknown API route and malformed JSON with the error body and a stable id", async () => {
    const missing = await app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.id).toBe("not_found");
    const malformed = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.id).toBe("validation_failed");
  });

  it("names each invalid field of a request", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { loginId: "", password: 5 },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["body.loginId", "body.password"]));
  });
});
