import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildBookSheets } from "./book-sheets";
import { buildAttendanceSheets, buildOvertimeOrderTable } from "./book-tables";
import { writeBookXlsx } from "./book-xlsx";
import type { MonthReport } from "./month-report";
import { createMonthReport } from "./month-report.fixture";

async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  return workbook;
}

function readRows(sheet: ExcelJS.Worksheet | undefined, count: number): string[][] {
  const rows: string[][] = [];
  for (let index = 1; index <= count; index += 1) {
    const row = sheet?.getRow(index);
    const cells: string[] = [];
    row?.eachCell({ includeEmpty: true }, (cell) => {
      cells.push(cell.text);
    });
    rows.push(cells);
  }
  return rows;
}

// Rows as written; a row's trailing empty cells are not stored.
const trimRow = (row: readonly string[]) => {
  const cells = [...row];
  while (cells.at(-1) === "") cells.pop();
  return cells;
};

async function expectSheetsMatchTables(report: MonthReport, book: "attendance" | "overtimeOrders" | "leave") {
  const workbook = await readWorkbook(await writeBookXlsx(book, report));
  const expected = buildBookSheets(book, report);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expected.map((sheet) => sheet.name));
  for (const layout of expected) {
    const rows = readRows(workbook.getWorksheet(layout.name), layout.rows.length);
    expect(rows.map(trimRow)).toEqual(layout.rows.map(trimRow));
  }
  return workbook;
}

describe("writeBookXlsx", () => {
  it("writes the 出勤簿 as one sheet per person, named by staff number, with the tables' cells", async () => {
    const report = createMonthReport();
    const workbook = await expectSheetsMatchTables(report, "attendance");
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["1001", "1002"]);
    // The day table itself appears unchanged in the person's sheet.
    const [, sato] = buildAttendanceSheets(report);
    const sheet = workbook.getWorksheet("1002");
    const nightShift = sato?.days.find((row) => row[0] === "9") ?? [];
    const found = readRows(sheet, sheet?.rowCount ?? 0).find((row) => row[0] === "9");
    expect(found).toEqual(nightShift);
    expect(found).toContain("25:10");
  });

  it("writes the 時間外勤務命令簿 as one sheet holding the order table", async () => {
    const report = createMonthReport();
    const workbook = await expectSheetsMatchTables(report, "overtimeOrders");
    const table = buildOvertimeOrderTable(report);
    const sheet = workbook.worksheets[0];
    const rows = readRows(sheet, sheet?.rowCount ?? 0).map(trimRow);
    const headerAt = rows.findIndex((row) => row[0] === "日付");
    expect(rows.slice(headerAt, headerAt + table.length)).toEqual(table.map(trimRow));
    expect(sheet?.getRow(headerAt + 1).font?.bold).toBe(true);
  });

  it("writes the 休暇処理簿 as one sheet", async () => {
    await expectSheetsMatchTables(createMonthReport(), "leave");
  });

  it("escapes a name a spreadsheet would run as a formula", async () => {
    const report = createMonthReport({ "1001": { name: "=1+1" } });
    const workbook = await readWorkbook(await writeBookXlsx("leave", report));
    const names = readRows(workbook.worksheets[0], 6).map((row) => row[2]);
    expect(names).toContain("'=1+1");
    expect(names).not.toContain("=1+1");
  });
});
