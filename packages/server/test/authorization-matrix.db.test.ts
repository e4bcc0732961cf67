import { can, type Role, roles } from "@tobira/protocol";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../src/http/app";
import { insertDepartment } from "../src/org/department-repository";
import { createStaff } from "../src/org/staff-use-cases";
import { describeEachDatabase } from "./databases";
import { createAccount, type Session, signInAs } from "./http";

type InjectMethod = NonNullable<InjectOptions["method"]>;
const injectMethods: readonly string[] = ["GET", "POST", "PUT", "PATCH", "DELETE"] satisfies InjectMethod[];

function isInjectMethod(method: string): method is InjectMethod {
  return injectMethods.includes(method);
}

describeEachDatabase("every route × every role", (context) => {
  let app: FastifyInstance;
  const sessions = new Map<Role, Session>();
  let staffId = 0;

  beforeAll(async () => {
    const { deps } = context();
    app = await buildApp(deps);
    const department = await insertDepartment(deps.db, {
      code: "100",
      name: "総務部",
      kind: "department",
      parentId: null,
      validFrom: "2020-04-01",
      validTo: null,
    });
    const staff = await createStaff(deps, "test", {
      staffNumber: "30001",
      familyName: "試験",
      givenName: "太郎",
      familyNameKana: "シケン",
      givenNameKana: "タロウ",
      employmentType: "regular",
      startDate: "2020-04-01",
      endDate: null,
      email: null,
      phone: null,
      departmentId: department.id,
      positionId: null,
    });
    staffId = staff.id;
    for (const role of roles) {
      await createAccount(deps, `role-${role}`, [role]);
      sessions.set(role, await signInAs(app, `role-${role}`));
    }
  });
  afterAll(() => app.close());

  it("declares who may call each API route", () => {
    expect(app.declaredRoutes.length).toBeGreaterThanOrEqual(20);
  });

  it("refuses anonymous callers and roles without the permission, and lets the others through", async () => {
    // Signing out ends the session the remaining checks use, so it goes last.
    const routes = [...app.declaredRoutes].sort(
      (a, b) => Number(a.url.endsWith("/logout")) - Number(b.url.endsWith("/logout")),
    );
    const failures: string[] = [];
    for (const route of routes) {
      const url = route.url
        .replace(":id", String(staffId))
        .replace(":year", "2026")
        .replace(":month", "2026-04")
        .replace(":date", "2026-08-14")
        .replace(":membershipId", "1")
        .replace(":enrolmentId", "00000000-0000-4000-8000-000000000000");
      const { method } = route;
      if (!isInjectMethod(method)) throw new Error(`the matrix does not know how to call ${method}`);
      const anonymous = await app.inject({ method, url });
      if (route.access !== "public" && anonymous.statusCode !== 401) {
        failures.push(`${route.method} ${route.url} anonymous → ${anonymous.statusCode}`);
      }
      for (const role of roles) {
        const session = sessions.get(role);
        if (!session) throw new Error(`no session for ${role}`);
        const response = await app.inject({ method, url, headers: session.headers });
        const allowed =
          route.access === "public" || route.access === "signedIn" || can({ roles: [role] }, route.access);
        const refused = response.statusCode === 401 || response.statusCode === 403;
        if (allowed === refused)
          failures.push(`${route.method} ${route.url} as ${role} → ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
