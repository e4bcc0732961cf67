import type { Role } from "@tobira/protocol";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { Deps } from "../src/deps";
import { insertDepartment } from "../src/org/department-repository";
import { createStaff } from "../src/org/staff-use-cases";
import { createAccount, type Session, signInAs } from "./http";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

/** Calls the API as a signed-in account. */
export function caller(app: FastifyInstance, session: Session) {
  return (method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
}

export type Call = ReturnType<typeof caller>;

/** What the tests read of a response: an HTTP one, or a reader's batch answered the same way. */
export type JsonResponse = Pick<LightMyRequestResponse, "statusCode" | "body" | "json">;

/** The JSON of a 200 response; fails the test with the body otherwise. */
export function okJson(response: JsonResponse) {
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The issues of a refused request, as `path: message` lines. */
export function issuesOf(response: JsonResponse): string[] {
  const issues: { path: string; message: string }[] = response.json().error.issues ?? [];
  return issues.map((i) => `${i.path}: ${i.message}`);
}

export async function signInWithRoles(
  app: FastifyInstance,
  deps: Deps,
  loginId: string,
  roles: Role[],
  staffId?: number,
): Promise<Call> {
  await createAccount(deps, loginId, roles, staffId === undefined ? {} : { staffId });
  return caller(app, await signInAs(app, loginId));
}

/** The department the access tests' staff belong to, made on first use in each database. */
async function accessTestDepartment(deps: Deps): Promise<number> {
  const code = "9900";
  const existing = await deps.db
    .selectFrom("department")
    .select("id")
    .where("code", "=", code)
    .executeTakeFirst();
  if (existing) return existing.id;
  const department = await insertDepartment(deps.db, {
    code,
    name: "総務課",
    kind: "department",
    parentId: null,
    validFrom: "2000-04-01",
    validTo: null,
  });
  return department.id;
}

/** A staff member, employed from `startDate` (default 2020-04-01) and until `endDate`. */
export async function addStaff(
  deps: Deps,
  staffNumber: string,
  name: [string, string],
  dates: { startDate?: string; endDate?: string | null } = {},
): Promise<number> {
  const staff = await createStaff(deps, "test", {
    staffNumber,
    familyName: name[0],
    givenName: name[1],
    familyNameKana: "テスト",
    givenNameKana: "テスト",
    employmentType: "regular",
    startDate: dates.startDate ?? "2020-04-01",
    endDate: dates.endDate ?? null,
    email: null,
    phone: null,
    departmentId: await accessTestDepartment(deps),
    positionId: null,
  });
  return staff.id;
}
