import type { ImportRowError, StaffImportRequest } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import { listDepartments } from "../org/department-repository";
import { listPositions } from "../org/position-repository";
import type { ImportPlan, ImportReference } from "./import-types";
import { planImport } from "./plan-import";
import type { StaffFile } from "./read-staff-file";
import { loadExistingStaff } from "./staff-import-repository";
import { validateRows } from "./validate-rows";

export interface PreparedImport {
  plan: ImportPlan;
  /** Every problem in the file, in line order; the plan covers the valid rows only. */
  errors: ImportRowError[];
}

type PlanRequest = Pick<StaffImportRequest, "effectiveDate" | "leaversEndDate">;

/** Checks the file against the stored organisation and staff and plans the changes, writing nothing. */
export async function prepareStaffImport(
  db: Executor,
  file: StaffFile,
  request: PlanRequest,
): Promise<PreparedImport> {
  const emptyPlan: ImportPlan = { adds: [], changes: [], leavers: [], unchangedCount: 0, errors: [] };
  if (!file.ok) return { plan: emptyPlan, errors: file.errors };
  const reference = await loadReference(db, request.effectiveDate);
  const validation = validateRows(file.rows, file.columns, reference);
  const existing = await loadExistingStaff(db, request.effectiveDate);
  const plan = planImport(validation, existing, request);
  const errors = [...validation.errors, ...plan.errors].sort((a, b) => a.line - b.line);
  return { plan, errors };
}

async function loadReference(db: Executor, effectiveDate: string): Promise<ImportReference> {
  const departments = await listDepartments(db, effectiveDate);
  const positions = await listPositions(db);
  return {
    effectiveDate,
    departments: new Map(departments.map((department) => [department.code, department])),
    positions: new Map(positions.map((position) => [position.code, position])),
  };
}
