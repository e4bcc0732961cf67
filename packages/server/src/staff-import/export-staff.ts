import { toLocalDate } from "@tobira/core";
import type { StaffExportQuery } from "@tobira/protocol";
import iconv from "iconv-lite";
import type { Deps } from "../deps";
import { buildExportTable } from "./export-table";
import { formatCsv } from "./format-csv";
import { listStaffForExport } from "./staff-export-repository";
import { writeXlsx } from "./write-xlsx";

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const utf8Bom = "\uFEFF";

/**
 * The staff serving on `asOf` (today by default) as CSV, UTF-8 with a BOM so Excel reads it or
 * Shift_JIS (CP932) for older systems, or as an Excel workbook. Characters CP932 lacks become "?".
 */
export async function exportStaff(
  { db, clock }: Pick<Deps, "db" | "clock">,
  query: StaffExportQuery,
): Promise<ExportFile> {
  const asOf = query.asOf ?? toLocalDate(clock.now());
  const table = buildExportTable(await listStaffForExport(db, asOf));
  const baseName = `staff-${asOf}`;
  if (query.format === "xlsx") {
    return {
      fileName: `${baseName}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: await writeXlsx(table, "職員"),
    };
  }
  const text = formatCsv(table);
  const shiftJis = query.encoding === "shift_jis";
  return {
    fileName: `${baseName}.csv`,
    contentType: `text/csv; charset=${shiftJis ? "Shift_JIS" : "utf-8"}`,
    body: shiftJis ? iconv.encode(text, "cp932") : Buffer.from(utf8Bom + text, "utf8"),
  };
}
