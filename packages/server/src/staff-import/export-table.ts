import { employmentTypeSchema } from "@tobira/protocol";
import { employmentTypeLabels } from "./employment-type-labels";
import { fieldHeaders } from "./import-headers";
import type { ExportedStaff } from "./staff-export-repository";

type ExportColumn = { header: string; value: (staff: ExportedStaff) => string | null };

// The import's own header names, so an exported file imports again unchanged; the two name columns are
// for people reading the file and are ignored by the import.
const columns: readonly ExportColumn[] = [
  { header: headerOf("staffNumber"), value: (staff) => staff.staffNumber },
  { header: headerOf("familyName"), value: (staff) => staff.familyName },
  { header: headerOf("givenName"), value: (staff) => staff.givenName },
  { header: headerOf("familyNameKana"), value: (staff) => staff.familyNameKana },
  { header: headerOf("givenNameKana"), value: (staff) => staff.givenNameKana },
  { header: headerOf("departmentCode"), value: (staff) => staff.departmentCode },
  { header: "所属名", value: (staff) => staff.departmentName },
  { header: headerOf("positionCode"), value: (staff) => staff.positionCode },
  { header: "職名", value: (staff) => staff.positionName },
  { header: headerOf("employmentType"), value: (staff) => labelEmploymentType(staff.employmentType) },
  { header: headerOf("startDate"), value: (staff) => staff.startDate },
  { header: headerOf("endDate"), value: (staff) => staff.endDate },
  { header: headerOf("email"), value: (staff) => staff.email },
  { header: headerOf("phone"), value: (staff) => staff.phone },
];

/** The header row and one row of text cells per staff member, the same for CSV and Excel. */
export function buildExportTable(staff: readonly ExportedStaff[]): string[][] {
  return [
    columns.map((column) => column.header),
    ...staff.map((row) => columns.map((column) => column.value(row) ?? "")),
  ];
}

function headerOf(field: keyof typeof fieldHeaders): string {
  return fieldHeaders[field][0] ?? field;
}

function labelEmploymentType(value: string): string {
  const parsed = employmentTypeSchema.safeParse(value);
  return parsed.success ? employmentTypeLabels[parsed.data] : value;
}
