import type { StaffImportRequest } from "@tobira/protocol";
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { readFixtureBase64, seedTownOrg } from "../../test/fixtures/town-org";
import type { Executor } from "../db/transaction";
import { AppError } from "../errors";
import { listAssignments } from "../org/staff-repository";
import { applyStaffImport, previewStaffImport } from "./staff-import-use-cases";

function fixtureRequest(fileName: string, overrides: Partial<StaffImportRequest> = {}): StaffImportRequest {
  return {
    fileName,
    contentBase64: readFixtureBase64(fileName),
    encoding: "auto",
    mapping: {},
    leaversEndDate: null,
    effectiveDate: "2026-04-01",
    ...overrides,
  };
}

function textRequest(lines: string[], overrides: Partial<StaffImportRequest> = {}): StaffImportRequest {
  return {
    fileName: "staff.csv",
    contentBase64: Buffer.from(`${lines.join("\r\n")}\r\n`).toString("base64"),
    encoding: "auto",
    mapping: {},
    leaversEndDate: null,
    effectiveDate: "2026-04-01",
    ...overrides,
  };
}

async function countRows(db: Executor) {
  const count = async (table: "staff" | "staff_assignment" | "audit_log") => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    staff: await count("staff"),
    assignments: await count("staff_assignment"),
    audit: await count("audit_log"),
  };
}

async function findStaff(db: Executor, staffNumber: string) {
  return db.selectFrom("staff").selectAll().where("staff_number", "=", staffNumber).executeTakeFirstOrThrow();
}

async function lastAudit(db: Executor) {
  const row = await db
    .selectFrom("audit_log")
    .selectAll()
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return { ...row, details: JSON.parse(row.details) };
}

async function catchError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const header = "職員番号,氏,名,氏カナ,名カナ,所属コード,職コード,雇用区分,採用日,退職日,メール,電話";

describeEachDatabase("importing staff files", (context) => {
  beforeAll(async () => {
    await seedTownOrg(context().deps.db);
  });

  it("previews the Shift_JIS payroll export as eight new staff and writes nothing", async () => {
    const { db } = context().deps;
    const before = await countRows(db);
    const preview = await previewStaffImport(context().deps, fixtureRequest("staff-payroll-sjis.csv"));
    expect(preview).toMatchObject({
      encoding: "shift_jis",
      rowCount: 8,
      errors: [],
      changes: [],
      leavers: [],
      unchangedCount: 0,
    });
    expect(preview.adds).toHaveLength(8);
    expect(preview.adds[0]).toEqual({ staffNumber: "001001", name: "髙橋 一郎", departmentCode: "1100" });
    expect(preview.adds[1]?.name).toBe("山﨑 美咲");
    expect(await countRows(db)).toEqual(before);
  });

  it("imports the Shift_JIS file: 氏名 split, ｶﾅ widened, 和暦 read, one audit entry", async () => {
    const { deps } = context();
    const result = await applyStaffImport(deps, "hr01", fixtureRequest("staff-payroll-sjis.csv"));
    expect(result).toEqual({ added: 8, changed: 0, left: 0 });
    expect(await findStaff(deps.db, "001001")).toMatchObject({
      family_name: "髙橋",
      given_name: "一郎",
      family_name_kana: "タカハシ",
      given_name_kana: "イチロウ",
      employment_type: "regular",
      start_date: "1996-04-01",
      end_date: null,
      phone: "201",
      email: null,
    });
    expect(await findStaff(deps.db, "001005")).toMatchObject({
      employment_type: "reappointed",
      start_date: "1985-04-01",
      phone: null,
    });
    expect(await findStaff(deps.db, "001006")).toMatchObject({
      family_name_kana: "ワタナベ",
      employment_type: "fiscalYearAppointee",
      start_date: "2025-04-01",
      end_date: "2026-03-31",
    });
    expect(await findStaff(deps.db, "001008")).toMatchObject({
      employment_type: "fixedTerm",
      start_date: "2024-10-01",
      end_date: "2027-09-30",
    });
    const audit = await lastAudit(deps.db);
    expect(audit).toMatchObject({ actor: "hr01", action: "staff.imported", target_type: "staff" });
    expect(audit.details).toMatchObject({
      fileName: "staff-payroll-sjis.csv",
      encoding: "shift_jis",
      rowCount: 8,
      added: 8,
      changed: 0,
      left: 0,
      addedStaff: ["001001", "001002", "001003", "001004", "001005", "001006", "001007", "001008"],
    });
  });

  it("places new staff from their start date, or from the day their department began", async () => {
    const { db } = context().deps;
    const recent = await listAssignments(db, (await findStaff(db, "001003")).id);
    expect(recent).toMatchObject([
      {
        departmentName: "財政課",
        positionName: "主事",
        validFrom: "2020-04-01",
        validTo: null,
        note: "採用",
      },
    ]);
    const longServing = await listAssignments(db, (await findStaff(db, "001001")).id);
    expect(longServing).toMatchObject([
      { departmentName: "総務課", positionName: "課長", validFrom: "2000-04-01", validTo: null },
    ]);
  });

  it("finds nothing to do when the same file comes again", async () => {
    const preview = await previewStaffImport(context().deps, fixtureRequest("staff-payroll-sjis.csv"));
    expect(preview).toMatchObject({ adds: [], changes: [], leavers: [], errors: [], unchangedCount: 8 });
  });

  it("imports a UTF-8 file with a BOM, hiragana readings and a note spanning two lines", async () => {
    const { deps } = context();
    const request = fixtureRequest("staff-utf8-bom.csv");
    const preview = await previewStaffImport(deps, request);
    expect(preview).toMatchObject({ encoding: "utf-8", rowCount: 5, errors: [] });
    expect(preview.adds.map((add) => add.staffNumber)).toEqual([
      "002001",
      "002002",
      "002003",
      "002004",
      "002005",
    ]);
    expect(await applyStaffImport(deps, "hr01", request)).toEqual({ added: 5, changed: 0, left: 0 });
    expect(await findStaff(deps.db, "002001")).toMatchObject({
      family_name_kana: "こばやし",
      start_date: "2010-04-01",
      email: "n-kobayashi@town.example.lg.jp",
    });
    expect(await findStaff(deps.db, "002004")).toMatchObject({
      employment_type: "fiscalYearAppointee",
      end_date: "2027-03-31",
      email: null,
    });
    expect(await findStaff(deps.db, "002005")).toMatchObject({ phone: "+81-879-82-2105" });
    const [placement] = await listAssignments(deps.db, (await findStaff(deps.db, "002004")).id);
    expect(placement).toMatchObject({
      departmentName: "保健福祉課",
      positionId: null,
      validFrom: "2026-04-01",
    });
  });
});

describeEachDatabase("refusing bad files", (context) => {
  beforeAll(async () => {
    await seedTownOrg(context().deps.db);
  });

  const expectedErrors = [
    { line: 2, field: "staffNumber", message: '"003001" also appears on line 5' },
    { line: 3, field: "familyNameKana", message: '"Kimura" must be written in kana' },
    { line: 4, field: "startDate", message: '"2026/13/01" is not a date' },
    { line: 5, field: "staffNumber", message: '"003001" also appears on line 2' },
    { line: 6, field: "departmentCode", message: '"9999" is not a department on 2026-04-01' },
    { line: 7, field: "positionCode", message: '"99" is not a position' },
    {
      line: 7,
      field: "employmentType",
      message: '"パート" is not one of 正規, 会計年度任用職員, 再任用, 任期付, 臨時',
    },
    { line: 8, field: "endDate", message: "2026-03-31 is before startDate 2026-04-01" },
    { line: 9, field: "email", message: '"ikeda@" is not an email address' },
    { line: 10, field: "staffNumber", message: '"00 3009" must be 1–20 letters, digits or hyphens' },
    { line: 10, field: "givenName", message: "is empty" },
    { line: 11, field: "startDate", message: '"2026-02-30" is not a date' },
  ];

  it("previews every bad row with its line and field, and the valid rows as usual", async () => {
    const preview = await previewStaffImport(context().deps, fixtureRequest("staff-bad-rows.csv"));
    expect(preview.rowCount).toBe(11);
    expect(preview.errors).toEqual(expectedErrors);
    expect(preview.adds.map((add) => add.staffNumber)).toEqual(["003011"]);
  });

  it("applies nothing at all when any row is bad", async () => {
    const { deps } = context();
    const before = await countRows(deps.db);
    const error = await catchError(applyStaffImport(deps, "hr01", fixtureRequest("staff-bad-rows.csv")));
    expect(error.id).toBe("import_invalid");
    expect(error.message).toBe("The file has 12 problems; nothing was imported.");
    expect(error.issues?.slice(0, 3)).toEqual([
      { path: "line 2: staffNumber", message: '"003001" also appears on line 5' },
      { path: "line 3: familyNameKana", message: '"Kimura" must be written in kana' },
      { path: "line 4: startDate", message: '"2026/13/01" is not a date' },
    ]);
    expect(await countRows(deps.db)).toEqual(before);
  });

  it("names the missing columns on line 1", async () => {
    const request = textRequest(["職員番号,氏名,所属コード,採用日", "1001,山田 太郎,1100,2026-04-01"]);
    const preview = await previewStaffImport(context().deps, request);
    expect(preview.errors).toEqual([
      {
        line: 1,
        field: null,
        message:
          "missing required columns: familyNameKana (氏カナ), givenNameKana (名カナ), employmentType (雇用区分)",
      },
    ]);
    const error = await catchError(applyStaffImport(context().deps, "hr01", request));
    expect(error.issues).toEqual([{ path: "line 1", message: preview.errors[0]?.message }]);
  });

  it("refuses a Shift_JIS file declared as UTF-8", async () => {
    const error = await catchError(
      previewStaffImport(context().deps, fixtureRequest("staff-payroll-sjis.csv", { encoding: "utf-8" })),
    );
    expect(error.id).toBe("import_invalid");
  });
});

describeEachDatabase("changes, transfers and leavers", (context) => {
  const row = (
    number: string,
    family: string,
    department: string,
    position: string,
    phone = "",
    email = "",
  ) => `${number},${family},太郎,ヤマダ,タロウ,${department},${position},正規,2015-04-01,,${email},${phone}`;

  beforeAll(async () => {
    const { deps } = context();
    await seedTownOrg(deps.db);
    const first = textRequest(
      [
        header,
        row("1001", "山田", "1100", "60"),
        row("1002", "佐藤", "1100", "60", "201"),
        row("1003", "鈴木", "2100", "50"),
        row("1004", "田中", "2200", "60"),
      ],
      { effectiveDate: "2025-04-01" },
    );
    await applyStaffImport(deps, "hr01", first);
  });

  const second = () =>
    textRequest(
      [
        header,
        row("1001", "山田", "1200", "60"),
        row("1002", "佐藤", "1100", "30", "202"),
        row("1003", "高田", "2100", "50", "", "takada@town.example.lg.jp"),
        row("1005", "伊藤", "3100", "60"),
      ],
      { effectiveDate: "2026-04-01", leaversEndDate: "2026-03-31" },
    );

  it("previews changes field by field, transfers and leavers without writing", async () => {
    const { deps } = context();
    const staffBefore = await deps.db.selectFrom("staff").selectAll().orderBy("id").execute();
    const assignmentsBefore = await deps.db
      .selectFrom("staff_assignment")
      .selectAll()
      .orderBy("id")
      .execute();
    const preview = await previewStaffImport(deps, second());
    expect(preview).toEqual({
      encoding: "utf-8",
      rowCount: 4,
      errors: [],
      adds: [{ staffNumber: "1005", name: "伊藤 太郎", departmentCode: "3100" }],
      changes: [
        {
          staffNumber: "1001",
          name: "山田 太郎",
          changes: [{ field: "departmentCode", from: "1100", to: "1200" }],
        },
        {
          staffNumber: "1002",
          name: "佐藤 太郎",
          changes: [
            { field: "phone", from: "201", to: "202" },
            { field: "positionCode", from: "60", to: "30" },
          ],
        },
        {
          staffNumber: "1003",
          name: "高田 太郎",
          changes: [
            { field: "familyName", from: "鈴木", to: "高田" },
            { field: "email", from: null, to: "takada@town.example.lg.jp" },
          ],
        },
      ],
      leavers: [{ staffNumber: "1004", name: "田中 太郎" }],
      unchangedCount: 0,
    });
    expect(await deps.db.selectFrom("staff").selectAll().orderBy("id").execute()).toEqual(staffBefore);
    expect(await deps.db.selectFrom("staff_assignment").selectAll().orderBy("id").execute()).toEqual(
      assignmentsBefore,
    );
  });

  it("applies them, keeping the earlier 所属 in the history", async () => {
    const { deps } = context();
    expect(await applyStaffImport(deps, "hr02", second())).toEqual({ added: 1, changed: 3, left: 1 });
    const moved = await listAssignments(deps.db, (await findStaff(deps.db, "1001")).id);
    expect(moved).toMatchObject([
      {
        departmentName: "財政課",
        positionName: "主事",
        validFrom: "2026-04-01",
        validTo: null,
        note: "異動（一括取込）",
      },
      { departmentName: "総務課", positionName: "主事", validFrom: "2015-04-01", validTo: "2026-03-31" },
    ]);
    const promoted = await listAssignments(deps.db, (await findStaff(deps.db, "1002")).id);
    expect(promoted.map((a) => [a.positionName, a.validFrom, a.validTo])).toEqual([
      ["係長", "2026-04-01", null],
      ["主事", "2015-04-01", "2026-03-31"],
    ]);
    expect(await findStaff(deps.db, "1002")).toMatchObject({ phone: "202" });
    expect(await findStaff(deps.db, "1003")).toMatchObject({
      family_name: "高田",
      email: "takada@town.example.lg.jp",
    });
    expect(await findStaff(deps.db, "1004")).toMatchObject({ end_date: "2026-03-31" });
    const audit = await lastAudit(deps.db);
    expect(audit).toMatchObject({ actor: "hr02", action: "staff.imported" });
    expect(audit.details).toMatchObject({
      added: 1,
      changed: 3,
      left: 1,
      effectiveDate: "2026-04-01",
      leaversEndDate: "2026-03-31",
      addedStaff: ["1005"],
      changedStaff: [
        { staffNumber: "1001", fields: ["departmentCode"] },
        { staffNumber: "1002", fields: ["phone", "positionCode"] },
        { staffNumber: "1003", fields: ["familyName", "email"] },
      ],
      leftStaff: ["1004"],
    });
    expect(JSON.stringify(audit.details)).not.toContain("高田");
  });

  it("is then unchanged, and a leaver already gone is not ended twice", async () => {
    const preview = await previewStaffImport(context().deps, second());
    expect(preview).toMatchObject({ adds: [], changes: [], leavers: [], unchangedCount: 4 });
  });

  it("refuses a transfer dated before the assignment now in force began", async () => {
    const { deps } = context();
    const before = await countRows(deps.db);
    const request = textRequest([header, row("1001", "山田", "2100", "60")], { effectiveDate: "2025-10-01" });
    const error = await catchError(applyStaffImport(deps, "hr01", request));
    expect(error.issues).toEqual([
      {
        path: "line 2: departmentCode",
        message: "a transfer on 2025-10-01 would come before the assignment starting 2026-04-01",
      },
    ]);
    expect(await countRows(deps.db)).toEqual(before);
  });

  it("plans again when applying, so staff stored after the preview are changed, not added twice", async () => {
    const { deps } = context();
    const before = await countRows(deps.db);
    const request = textRequest([
      header,
      row("1006", "新井", "1100", "60"),
      row("1007", "上田", "1100", "60"),
    ]);
    const preview = await previewStaffImport(deps, request);
    expect(preview.adds).toHaveLength(2);
    await deps.db
      .insertInto("staff")
      .values({
        staff_number: "1007",
        family_name: "先客",
        given_name: "一",
        family_name_kana: "センキャク",
        given_name_kana: "ハジメ",
        employment_type: "regular",
        start_date: "2015-04-01",
        end_date: null,
        email: null,
        phone: null,
        created_at: "2026-04-01T00:00:00.000Z",
        updated_at: "2026-04-01T00:00:00.000Z",
      })
      .execute();
    const result = await applyStaffImport(deps, "hr01", request);
    expect(result).toEqual({ added: 1, changed: 1, left: 0 });
    expect((await countRows(deps.db)).staff).toBe(before.staff + 2);
  });
});
