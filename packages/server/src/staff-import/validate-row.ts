import type { LocalDate } from "@tobira/core";
import {
  type Department,
  type EmploymentType,
  type ImportField,
  type ImportRowError,
  type Position,
  staffInputSchema,
  staffNumberSchema,
} from "@tobira/protocol";
import { employmentTypeLabels, parseEmploymentType } from "./employment-type-labels";
import type { ImportedStaff, ImportReference } from "./import-types";
import { normalizeKana } from "./normalize-kana";
import type { CsvRow } from "./parse-csv";
import { parseImportDate } from "./parse-import-date";
import { readCell } from "./read-cell";
import type { ColumnMap } from "./resolve-columns";

export type RowResult = { ok: true; staff: ImportedStaff } | { ok: false; errors: ImportRowError[] };

// The column sizes of the staff table.
const maxNameLength = 50;
const maxKanaLength = 100;
const maxEmailLength = 254;
const maxPhoneLength = 30;

const employmentTypeList = Object.values(employmentTypeLabels).join(", ");

/**
 * Checks one row and turns its cells into typed values, collecting every problem rather than the
 * first. The row is valid only when no problem was recorded.
 */
export function validateRow(row: CsvRow, columns: ColumnMap, reference: ImportReference): RowResult {
  const errors: ImportRowError[] = [];
  const fail = (field: ImportField, message: string): null => {
    errors.push({ line: row.line, field, message });
    return null;
  };
  const cell = (field: ImportField): string | undefined => {
    const source = columns[field];
    return source === undefined ? undefined : readCell(row, source);
  };
  const required = (field: ImportField): string | null => {
    const text = cell(field) ?? "";
    if (text !== "") return text;
    const source = columns[field];
    if (source?.part === "rest") {
      const whole = readCell(row, { index: source.index, part: "whole" });
      if (whole !== "") return fail(field, `${quote(whole)} has no space between the family and given name`);
    }
    return fail(field, "is empty");
  };
  const name = (field: ImportField): string | null => {
    const text = required(field);
    if (text === null) return null;
    return text.length > maxNameLength ? fail(field, `is longer than ${maxNameLength} characters`) : text;
  };
  const kana = (field: ImportField): string | null => {
    const text = required(field);
    if (text === null) return null;
    const value = normalizeKana(text);
    if (value.length > maxKanaLength) return fail(field, `is longer than ${maxKanaLength} characters`);
    const kanaCheck = staffInputSchema.shape.familyNameKana.safeParse(value);
    return kanaCheck.success ? value : fail(field, `${quote(text)} must be written in kana`);
  };
  const date = (field: ImportField, text: string): LocalDate | null => {
    return parseImportDate(text) ?? fail(field, `${quote(text)} is not a date`);
  };
  // Undefined when the file lacks the column; null for an empty cell or a reported problem.
  const optional = (field: ImportField, read: (text: string) => string | null): string | null | undefined => {
    const text = cell(field);
    if (text === undefined) return undefined;
    return text === "" ? null : read(text);
  };

  const staffNumber = readStaffNumber(required("staffNumber"), fail);
  const familyName = name("familyName");
  const givenName = name("givenName");
  const familyNameKana = kana("familyNameKana");
  const givenNameKana = kana("givenNameKana");
  const department = readDepartment(required("departmentCode"), reference, fail);
  const position = readPosition(cell("positionCode"), reference, fail);
  const employmentType = readEmploymentType(required("employmentType"), fail);
  const startText = required("startDate");
  const startDate = startText === null ? null : date("startDate", startText);
  const endDate = optional("endDate", (text) => date("endDate", text));
  const email = optional("email", (text) => readEmail(text, fail));
  const phone = optional("phone", (text) =>
    text.length > maxPhoneLength ? fail("phone", `is longer than ${maxPhoneLength} characters`) : text,
  );

  if (startDate !== null && endDate && endDate < startDate) {
    fail("endDate", `${endDate} is before startDate ${startDate}`);
  }
  if (startDate !== null && department?.validTo && department.validTo < startDate) {
    fail(
      "departmentCode",
      `${quote(department.code)} ends on ${department.validTo}, before startDate ${startDate}`,
    );
  }
  if (
    errors.length > 0 ||
    staffNumber === null ||
    familyName === null ||
    givenName === null ||
    familyNameKana === null ||
    givenNameKana === null ||
    department === null ||
    employmentType === null ||
    startDate === null
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    staff: {
      line: row.line,
      staffNumber,
      familyName,
      givenName,
      familyNameKana,
      givenNameKana,
      employmentType,
      startDate,
      endDate,
      email,
      phone,
      department,
      position,
    },
  };
}

type Fail = (field: ImportField, message: string) => null;

function readStaffNumber(text: string | null, fail: Fail): string | null {
  if (text === null) return null;
  const value = text.normalize("NFKC");
  const check = staffNumberSchema.safeParse(value);
  return check.success
    ? check.data
    : fail("staffNumber", `${quote(text)} ${check.error.issues[0]?.message ?? "is not valid"}`);
}

function readDepartment(text: string | null, reference: ImportReference, fail: Fail): Department | null {
  if (text === null) return null;
  const department = reference.departments.get(text.normalize("NFKC"));
  return (
    department ?? fail("departmentCode", `${quote(text)} is not a department on ${reference.effectiveDate}`)
  );
}

/** Undefined when the file has no position column, null for an empty cell (or an unknown code, reported). */
function readPosition(
  text: string | undefined,
  reference: ImportReference,
  fail: Fail,
): Position | null | undefined {
  if (text === undefined) return undefined;
  if (text === "") return null;
  const position = reference.positions.get(text.normalize("NFKC"));
  return position ?? fail("positionCode", `${quote(text)} is not a position`);
}

function readEmploymentType(text: string | null, fail: Fail): EmploymentType | null {
  if (text === null) return null;
  return (
    parseEmploymentType(text) ?? fail("employmentType", `${quote(text)} is not one of ${employmentTypeList}`)
  );
}

function readEmail(text: string, fail: Fail): string | null {
  const value = text.normalize("NFKC");
  if (value.length > maxEmailLength) return fail("email", `is longer than ${maxEmailLength} characters`);
  return staffInputSchema.shape.email.safeParse(value).success
    ? value
    : fail("email", `${quote(text)} is not an email address`);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
