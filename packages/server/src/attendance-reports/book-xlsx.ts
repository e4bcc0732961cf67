import type { AttendanceBook } from "@tobira/protocol";
import ExcelJS from "exceljs";
import { escapeFormula } from "../staff-import/escape-formula";
import { buildBookSheets } from "./book-sheets";
import type { MonthReport } from "./month-report";

const maxColumnWidth = 60;

/** A book as an .xlsx workbook: every cell text (formula-like text escaped), headings bold. */
export async function writeBookXlsx(book: AttendanceBook, report: MonthReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = report.printedAt;
  workbook.modified = report.printedAt;
  for (const layout of buildBookSheets(book, report)) {
    const sheet = workbook.addWorksheet(layout.name, {
      views: [{ state: "frozen", ySplit: layout.frozenRows }],
    });
    for (const row of layout.rows) sheet.addRow(row.map(escapeFormula));
    for (const index of layout.boldRows) sheet.getRow(index + 1).font = { bold: true };
    sheet.columns.forEach((column, index) => {
      const longest = Math.max(0, ...layout.rows.slice(1).map((row) => row[index]?.length ?? 0));
      column.width = Math.min(maxColumnWidth, Math.max(6, longest * 2 + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
