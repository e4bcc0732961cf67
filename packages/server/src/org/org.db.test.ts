import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { createAccount, type Session, signInAs } from "../../test/http";
import { buildApp } from "../http/app";

describeEachDatabase("departments, staff and transfers", (context) => {
  let app: FastifyInstance;
  let hr: Session;
  let staffMember: Session;
  const ids: Record<string, number> = {};

  const call = async (
    session: Session,
    method: "GET" | "POST" | "PUT" | "PATCH",
    url: string,
    payload?: object,
  ) => app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set("2026-05-01T00:00:00Z");
    app = await buildApp(deps);
    await createAccount(deps, "hr", ["staff", "hr"]);
    await createAccount(deps, "staff", ["staff"]);
    hr = await signInAs(app, "hr");
    staffMember = await signInAs(app, "staff");
    const add = async (key: string, body: object) => {
      const r = await call(hr, "POST", "/api/departments", body);
      expect(r.statusCode, r.body).toBe(200);
      ids[key] = r.json().id;
    };
    await add("soumu", {
      code: "100",
      name: "総務部",
      kind: "department",
      parentId: null,
      validFrom: "2020-04-01",
    });
    await add("soumuka", {
      code: "110",
      name: "総務課",
      kind: "section",
      parentId: ids.soumu,
      validFrom: "2020-04-01",
    });
    await add("jinji", {
      code: "1101",
      name: "人事係",
      kind: "unit",
      parentId: ids.soumuka,
      validFrom: "2020-04-01",
    });
    await add("kensetsu", {
      code: "300",
      name: "産業建設部",
      kind: "department",
      parentId: null,
      validFrom: "2020-04-01",
    });
    await add("doboku", {
      code: "330",
      name: "建設課",
      kind: "section",
      parentId: ids.kensetsu,
      validFrom: "2020-04-01",
    });
    const position = await call(hr, "POST", "/api/positions", { code: "70", name: "主事", rank: 70 });
    ids.shuji = position.json().id;
  });
  afterAll(() => app.close());

  const person = (overrides: object = {}) => ({
    staffNumber: "10001",
    familyName: "香川",
    givenName: "美咲",
    familyNameKana: "カガワ",
    givenNameKana: "ミサキ",
    employmentType: "fiscalYearAppointee",
    startDate: "2026-04-01",
    departmentId: ids.jinji,
    positionId: ids.shuji,
    ...overrides,
  });

  it("keeps 部 › 課 › 係 in order", async () => {
    const unitUnderDepartment = await call(hr, "POST", "/api/departments", {
      code: "999",
      name: "迷子係",
      kind: "unit",
      parentId: ids.soumu,
      validFrom: "2020-04-01",
    });
    expect(unitUnderDepartment.statusCode).toBe(400);
    expect(unitUnderDepartment.json().error.issues[0]).toEqual({
      path: "parentId",
      message: "must be a section",
    });
  });

  it("refuses a department code already used in an overlapping period, allows it once the old one ended", async () => {
    const clash = await call(hr, "POST", "/api/departments", {
      code: "110",
      name: "総務課",
      kind: "section",
      parentId: ids.soumu,
      validFrom: "2024-04-01",
    });
    expect(clash.statusCode).toBe(409);
  });

  it("creates a staff member with a first assignment and an audit entry", async () => {
    const created = await call(hr, "POST", "/api/staff", person());
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      staffNumber: "10001",
      departmentName: "人事係",
      positionName: "主事",
    });
    ids.misaki = created.json().id;
    const audit = await context()
      .deps.db.selectFrom("audit_log")
      .select(["action", "actor"])
      .where("target_id", "=", "10001")
      .execute();
    expect(audit).toEqual([{ action: "staff.created", actor: "hr" }]);
  });

  it("refuses a duplicate staff number and names the field", async () => {
    const again = await call(hr, "POST", "/api/staff", person());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues).toEqual([{ path: "staffNumber", message: "is already in use" }]);
  });

  it("rejects a name in kana that is not kana, naming the field", async () => {
    const bad = await call(
      hr,
      "POST",
      "/api/staff",
      person({ staffNumber: "10002", familyNameKana: "Kagawa" }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("body.familyNameKana");
  });

  it("records a transfer (人事異動) so the earlier 所属 stays in the history", async () => {
    const moved = await call(hr, "POST", `/api/staff/${ids.misaki}/transfers`, {
      departmentId: ids.doboku,
      positionId: ids.shuji,
      effectiveDate: "2026-07-01",
      note: "7月1日付人事異動",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const history = moved.json().assignments;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ departmentName: "建設課", validFrom: "2026-07-01", validTo: null });
    expect(history[1]).toMatchObject({
      departmentName: "人事係",
      validFrom: "2026-04-01",
      validTo: "2026-06-30",
    });
    const before = await call(staffMember, "GET", `/api/staff?asOf=2026-06-30&q=香川`);
    const after = await call(staffMember, "GET", `/api/staff?asOf=2026-07-01&q=香川`);
    expect(before.json().items[0].departmentName).toBe("人事係");
    expect(after.json().items[0].departmentName).toBe("建設課");
  });

  it("refuses a transfer dated before the latest one", async () => {
    const back = await call(hr, "POST", `/api/staff/${ids.misaki}/transfers`, {
      departmentId: ids.jinji,
      positionId: null,
      effectiveDate: "2026-06-01",
    });
    expect(back.statusCode).toBe(409);
  });

  it("finds staff by staff number, name with or without a space, and kana", async () => {
    for (const q of ["10001", "香川美咲", "香川 美咲", "ミサキ"]) {
      const found = await call(staffMember, "GET", `/api/staff?q=${encodeURIComponent(q)}`);
      expect(
        found.json().items.map((s: { staffNumber: string }) => s.staffNumber),
        q,
      ).toEqual(["10001"]);
    }
  });

  it("filters the directory by a department and everything below it", async () => {
    await call(
      hr,
      "POST",
      "/api/staff",
      person({
        staffNumber: "10003",
        familyName: "坂東",
        familyNameKana: "バンドウ",
        startDate: "2025-04-01",
      }),
    );
    const underSoumu = await call(staffMember, "GET", `/api/staff?departmentId=${ids.soumu}&asOf=2026-05-01`);
    expect(underSoumu.json().items.map((s: { staffNumber: string }) => s.staffNumber)).toEqual([
      "10001",
      "10003",
    ]);
    const underKensetsu = await call(
      staffMember,
      "GET",
      `/api/staff?departmentId=${ids.kensetsu}&asOf=2026-05-01`,
    );
    expect(underKensetsu.json().total).toBe(0);
  });

  it("hides leavers unless asked", async () => {
    const leaver = await call(
      hr,
      "POST",
      "/api/staff",
      person({
        staffNumber: "10004",
        familyName: "濱中",
        familyNameKana: "ハマナカ",
        startDate: "2020-04-01",
        endDate: "2026-03-31",
      }),
    );
    expect(leaver.statusCode).toBe(200);
    const active = await call(staffMember, "GET", "/api/staff?q=10004");
    const all = await call(staffMember, "GET", "/api/staff?q=10004&includeLeft=true");
    expect(active.json().total).toBe(0);
    expect(all.json().total).toBe(1);
  });

  it("updates personal data and audits which fields changed, not their values", async () => {
    const updated = await call(hr, "PATCH", `/api/staff/${ids.misaki}`, { phone: "0879-82-7001" });
    expect(updated.json().phone).toBe("0879-82-7001");
    const audit = await context()
      .deps.db.selectFrom("audit_log")
      .select(["details"])
      .where("action", "=", "staff.updated")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({ fields: ["phone"] });
  });

  it("refuses staff members' attempts to edit the master", async () => {
    const r = await call(staffMember, "PATCH", `/api/staff/${ids.misaki}`, { phone: "000" });
    expect(r.statusCode).toBe(403);
  });
});
