import type { LocalDate } from "@tobira/core";
import type { Department, EmploymentType, ImportChange, ImportRowError, Position } from "@tobira/protocol";

/** The staff columns compared one by one between the file and the database. */
export interface StaffFields {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  employmentType: string;
  startDate: LocalDate;
  endDate: LocalDate | null;
  email: string | null;
  phone: string | null;
}

export const staffFieldNames = [
  "familyName",
  "givenName",
  "familyNameKana",
  "givenNameKana",
  "employmentType",
  "startDate",
  "endDate",
  "email",
  "phone",
] as const satisfies readonly (keyof StaffFields)[];

/** The codes a file may use: departments in force on the effective date, and positions. */
export interface ImportReference {
  effectiveDate: LocalDate;
  departments: ReadonlyMap<string, Department>;
  positions: ReadonlyMap<string, Position>;
}

/**
 * A valid row of the file. Optional columns the file lacks are undefined and leave the stored value
 * alone; an empty cell in a column the file has clears it.
 */
export interface ImportedStaff {
  line: number;
  staffNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  employmentType: EmploymentType;
  startDate: LocalDate;
  endDate: LocalDate | null | undefined;
  email: string | null | undefined;
  phone: string | null | undefined;
  department: Department;
  position: Position | null | undefined;
}

export interface RowValidation {
  rows: ImportedStaff[];
  errors: ImportRowError[];
  /** Every staff number the file names, valid rows or not: none of them is a leaver. */
  staffNumbers: ReadonlySet<string>;
}

/** 所属・職 as stored, with codes to compare against the file. */
export interface StoredPlacement {
  departmentId: number;
  departmentCode: string;
  positionId: number | null;
  positionCode: string | null;
}

export interface ExistingStaff {
  id: number;
  staffNumber: string;
  fields: StaffFields;
  /** The assignment in force on the effective date, or else the first one after it. */
  placement: StoredPlacement | null;
  /** The start of the latest assignment; a transfer may not be dated before it. */
  latestPlacementFrom: LocalDate | null;
}

export interface StaffChange {
  staff: ExistingStaff;
  row: ImportedStaff;
  set: Partial<StaffFields>;
  transfer: { departmentId: number; positionId: number | null } | null;
  changes: ImportChange["changes"];
}

export interface ImportPlan {
  adds: ImportedStaff[];
  changes: StaffChange[];
  leavers: ExistingStaff[];
  unchangedCount: number;
  errors: ImportRowError[];
}
