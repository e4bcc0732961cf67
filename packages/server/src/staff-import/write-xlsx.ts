import ExcelJS from "exceljs";
import { escapeFormula } from "./escape-formula";

/** An .xlsx workbook of one sheet: every cell text, the header row bold and frozen. */
export async function writeXlsx(table: readonly (readonly string[])[], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  for (const row of table) sheet.addRow(row.map(escapeFormula));
  sheet.getRow(1).font = { bold: true };
  const header = table[0] ?? [];
  sheet.columns.forEach((column, index) => {
    column.width = Math.max(10, (header[index]?.length ?? 0) * 2 + 4);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
