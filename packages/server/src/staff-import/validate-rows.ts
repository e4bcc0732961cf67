import type { ImportRowError } from "@tobira/protocol";
import type { ImportedStaff, ImportReference, RowValidation } from "./import-types";
import type { CsvRow } from "./parse-csv";
import { readCell } from "./read-cell";
import type { ColumnMap } from "./resolve-columns";
import { validateRow } from "./validate-row";

/** Validates every row, then flags staff numbers that appear more than once (on each of their lines). */
export function validateRows(
  rows: readonly CsvRow[],
  columns: ColumnMap,
  reference: ImportReference,
): RowValidation {
  const valid: ImportedStaff[] = [];
  const errors: ImportRowError[] = [];
  const linesByNumber = new Map<string, number[]>();
  for (const row of rows) {
    const result = validateRow(row, columns, reference);
    if (result.ok) valid.push(result.staff);
    else errors.push(...result.errors);
    const staffNumber = readStaffNumberText(row, columns);
    if (staffNumber === "") continue;
    const lines = linesByNumber.get(staffNumber);
    if (lines) lines.push(row.line);
    else linesByNumber.set(staffNumber, [row.line]);
  }
  const duplicateLines = new Set<number>();
  for (const [staffNumber, lines] of linesByNumber) {
    if (lines.length < 2) continue;
    for (const line of lines) {
      const others = lines.filter((other) => other !== line);
      const where = `${others.length > 1 ? "lines" : "line"} ${others.join(", ")}`;
      errors.push({ line, field: "staffNumber", message: `"${staffNumber}" also appears on ${where}` });
      duplicateLines.add(line);
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    rows: valid.filter((staff) => !duplicateLines.has(staff.line)),
    errors,
    staffNumbers: new Set(linesByNumber.keys()),
  };
}

function readStaffNumberText(row: CsvRow, columns: ColumnMap): string {
  const source = columns.staffNumber;
  return source === undefined ? "" : readCell(row, source).normalize("NFKC");
}
