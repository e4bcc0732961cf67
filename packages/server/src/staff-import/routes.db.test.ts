import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { readFixtureBase64, seedTownOrg } from "../../test/fixtures/town-org";
import { createAccount, type Session, signInAs } from "../../test/http";
import { buildApp } from "../http/app";

describeEachDatabase("staff import and export over HTTP", (context) => {
  let app: FastifyInstance;
  let hr: Session;
  let auditor: Session;

  beforeAll(async () => {
    const { deps } = context();
    await seedTownOrg(deps.db);
    app = await buildApp(deps);
    await createAccount(deps, "hr01", ["hr"]);
    await createAccount(deps, "audit01", ["auditor"]);
    hr = await signInAs(app, "hr01");
    auditor = await signInAs(app, "audit01");
  });
  afterAll(() => app.close());

  const body = (fileName: string) => ({
    fileName,
    contentBase64: readFixtureBase64(fileName),
    effectiveDate: "2026-04-01",
  });

  it("previews with defaults filled in, then applies as the signed-in user", async () => {
    const preview = await app.inject({
      method: "POST",
      url: "/api/staff-import/preview",
      headers: hr.headers,
      payload: body("staff-payroll-sjis.csv"),
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ encoding: "shift_jis", rowCount: 8, errors: [] });

    const applied = await app.inject({
      method: "POST",
      url: "/api/staff-import/apply",
      headers: hr.headers,
      payload: body("staff-payroll-sjis.csv"),
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toEqual({ added: 8, changed: 0, left: 0 });
    const audit = await context()
      .deps.db.selectFrom("audit_log")
      .select(["actor", "action"])
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor: "hr01", action: "staff.imported" });
  });

  it("answers a file with bad rows with 422 import_invalid and the lines", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/staff-import/apply",
      headers: hr.headers,
      payload: body("staff-bad-rows.csv"),
    });
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.id).toBe("import_invalid");
    expect(error.issues).toContainEqual({
      path: "line 11: startDate",
      message: '"2026-02-30" is not a date',
    });
  });

  it("lets an auditor export but not import", async () => {
    const refused = await app.inject({
      method: "POST",
      url: "/api/staff-import/preview",
      headers: auditor.headers,
      payload: body("staff-payroll-sjis.csv"),
    });
    expect(refused.statusCode).toBe(403);

    const csv = await app.inject({ method: "GET", url: "/api/staff-export", headers: auditor.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="staff-2026-04-01.csv"');
    expect(csv.rawPayload.subarray(3).toString("utf8")).toMatch(/^職員番号,氏,名,/);

    const xlsx = await app.inject({
      method: "GET",
      url: "/api/staff-export?format=xlsx&asOf=2026-03-31",
      headers: auditor.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toBe('attachment; filename="staff-2026-03-31.xlsx"');
    expect(xlsx.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");

    const exports = await context()
      .deps.db.selectFrom("audit_log")
      .select(["actor", "details"])
      .where("action", "=", "staff.exported")
      .execute();
    expect(exports.map((e) => [e.actor, JSON.parse(e.details).format])).toEqual([
      ["audit01", "csv"],
      ["audit01", "xlsx"],
    ]);
  });

  it("rejects a request without an effective date", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/staff-import/preview",
      headers: hr.headers,
      payload: { contentBase64: "YQ==" },
    });
    expect(response.statusCode).toBe(400);
  });
});
