import type { DepartmentKind, EmploymentType, ImportField, Role } from "@tobira/protocol";
import type { ClientErrorId } from "../api/client";
import type { MessageKey } from "./ja";

// Each template below only type-checks while both dictionaries hold a key for every value.

export function employmentTypeKey(type: EmploymentType): MessageKey {
  return `employment.${type}`;
}

export function roleKey(role: Role): MessageKey {
  return `role.${role}`;
}

export function departmentKindKey(kind: DepartmentKind): MessageKey {
  return `departmentKind.${kind}`;
}

export function errorKey(id: ClientErrorId): MessageKey {
  return `error.${id}`;
}

const importFieldKeys: Record<ImportField, MessageKey> = {
  staffNumber: "field.staffNumber",
  familyName: "field.familyName",
  givenName: "field.givenName",
  familyNameKana: "field.familyNameKana",
  givenNameKana: "field.givenNameKana",
  departmentCode: "field.departmentCode",
  positionCode: "field.positionCode",
  employmentType: "field.employmentType",
  startDate: "field.startDate",
  endDate: "field.endDate",
  email: "field.email",
  phone: "field.phone",
};

/** A field name from the import report; names outside the known set are shown as the server sent them. */
export function importFieldKey(field: string): MessageKey | null {
  return isImportField(field) ? importFieldKeys[field] : null;
}

function isImportField(field: string): field is ImportField {
  return Object.hasOwn(importFieldKeys, field);
}
