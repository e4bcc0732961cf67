import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Call, issuesOf, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { buildApp } from "../http/app";
import { insertDepartment } from "../org/department-repository";

describeEachDatabase("attendance rules: 他律的 sections", (context) => {
  let app: FastifyInstance;
  let hr: Call;
  let approver: Call;
  let finance = 0;
  let disaster = 0;

  beforeAll(async () => {
    const { deps } = context();
    app = await buildApp(deps);
    hr = await signInWithRoles(app, deps, "hr", ["hr"]);
    approver = await signInWithRoles(app, deps, "approver", ["approver"]);
    const department = (code: string, name: string) =>
      insertDepartment(deps.db, {
        code,
        name,
        kind: "section",
        parentId: null,
        validFrom: "2000-04-01",
        validTo: null,
      });
    finance = (await department("210", "財政課")).id;
    disaster = (await department("110", "危機管理課")).id;
  });
  afterAll(() => app.close());

  it("designates a section 他律的 over dates and lists it with the department's name", async () => {
    const created = okJson(
      await hr("POST", "/api/attendance/designations", {
        departmentId: finance,
        externallyDriven: true,
        from: "2026-04-01",
        to: "2027-03-31",
      }),
    );
    expect(created).toMatchObject({
      departmentId: finance,
      departmentName: "財政課",
      externallyDriven: true,
      from: "2026-04-01",
      to: "2027-03-31",
    });
    okJson(
      await hr("POST", "/api/attendance/designations", {
        departmentId: finance,
        externallyDriven: false,
        from: "2027-04-01",
      }),
    );
    okJson(
      await hr("POST", "/api/attendance/designations", {
        departmentId: disaster,
        externallyDriven: true,
        from: "2026-06-01",
      }),
    );
    const list = okJson(await approver("GET", "/api/attendance/designations"));
    expect(
      list.items.map(
        (d: { departmentName: string; externallyDriven: boolean; from: string; to: string | null }) => [
          d.departmentName,
          d.externallyDriven,
          d.from,
          d.to,
        ],
      ),
    ).toEqual([
      ["財政課", true, "2026-04-01", "2027-03-31"],
      ["財政課", false, "2027-04-01", null],
      ["危機管理課", true, "2026-06-01", null],
    ]);
  });

  it("refuses a second designation of a section on the same day", async () => {
    const r = await hr("POST", "/api/attendance/designations", {
      departmentId: disaster,
      externallyDriven: false,
      from: "2026-04-01",
      to: "2026-06-01",
    });
    expect(r.statusCode).toBe(409);
    expect(issuesOf(r)).toEqual(["from: overlaps the designation 2026-06-01–"]);
  });

  it("names an unknown department and an end before the start", async () => {
    const unknown = await hr("POST", "/api/attendance/designations", {
      departmentId: finance + disaster + 1000,
      externallyDriven: true,
      from: "2026-04-01",
    });
    expect(unknown.statusCode).toBe(400);
    expect(issuesOf(unknown)).toEqual(["departmentId: is not an existing department"]);
    const backwards = await hr("POST", "/api/attendance/designations", {
      departmentId: disaster,
      externallyDriven: true,
      from: "2026-04-01",
      to: "2026-03-31",
    });
    expect(backwards.statusCode).toBe(400);
    expect(issuesOf(backwards)).toEqual(["to: must not be before from"]);
  });

  it("removes a designation and audits every change", async () => {
    const list = okJson(await hr("GET", "/api/attendance/designations"));
    const last = list.items.at(-1);
    okJson(await hr("DELETE", `/api/attendance/designations/${last.id}`));
    expect((await hr("DELETE", `/api/attendance/designations/${last.id}`)).statusCode).toBe(404);
    const rows = await context()
      .deps.db.selectFrom("audit_log")
      .select(["action", "target_type", "target_id"])
      .where("action", "like", "attendanceRules.designation%")
      .orderBy("seq")
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      "attendanceRules.designationCreated",
      "attendanceRules.designationCreated",
      "attendanceRules.designationCreated",
      "attendanceRules.designationRemoved",
    ]);
    expect(rows.at(-1)).toMatchObject({ target_type: "department", target_id: String(disaster) });
  });

  it("lets an approver read designations but not change them", async () => {
    const r = await approver("POST", "/api/attendance/designations", {
      departmentId: disaster,
      externallyDriven: true,
      from: "2030-04-01",
    });
    expect(r.statusCode).toBe(403);
    const list = okJson(await approver("GET", "/api/attendance/designations"));
    expect((await approver("DELETE", `/api/attendance/designations/${list.items[0].id}`)).statusCode).toBe(
      403,
    );
  });
});
