import type { LocalDate } from "@tobira/core";
import type { ImportChange, ImportRowError } from "@tobira/protocol";
import {
  type ExistingStaff,
  type ImportedStaff,
  type ImportPlan,
  type RowValidation,
  type StaffChange,
  type StaffFields,
  staffFieldNames,
} from "./import-types";

export interface PlanOptions {
  effectiveDate: LocalDate;
  leaversEndDate: LocalDate | null;
}

/**
 * Compares the file's valid rows with the stored staff: new staff numbers are adds, differing fields
 * are changes (a new 所属 or 職 becomes a transfer dated the effective date), and, when a leavers' end
 * date is given, staff still serving on it who are absent from the file are leavers.
 */
export function planImport(
  validation: RowValidation,
  existing: readonly ExistingStaff[],
  options: PlanOptions,
): ImportPlan {
  const byNumber = new Map(existing.map((staff) => [staff.staffNumber, staff]));
  const plan: ImportPlan = { adds: [], changes: [], leavers: [], unchangedCount: 0, errors: [] };
  for (const row of validation.rows) {
    const staff = byNumber.get(row.staffNumber);
    if (staff === undefined) {
      plan.adds.push(row);
      continue;
    }
    const change = compareStaff(staff, row);
    const problem = checkChange(change, options.effectiveDate);
    if (problem) plan.errors.push(problem);
    else if (change.changes.length > 0) plan.changes.push(change);
    else plan.unchangedCount += 1;
  }
  if (options.leaversEndDate !== null) {
    plan.leavers = findLeavers(existing, validation.staffNumbers, options.leaversEndDate);
  }
  return plan;
}

function compareStaff(staff: ExistingStaff, row: ImportedStaff): StaffChange {
  const set: Partial<StaffFields> = {};
  const changes: ImportChange["changes"] = [];
  for (const field of staffFieldNames) {
    const next = row[field];
    const current = staff.fields[field];
    if (next === undefined || next === current) continue;
    Object.assign(set, { [field]: next });
    changes.push({ field, from: current, to: next });
  }
  const placement = staff.placement;
  const positionId =
    row.position === undefined ? (placement?.positionId ?? null) : (row.position?.id ?? null);
  const positionCode =
    row.position === undefined ? (placement?.positionCode ?? null) : (row.position?.code ?? null);
  const moved = placement === null || placement.departmentId !== row.department.id;
  const promoted = placement === null || placement.positionId !== positionId;
  if (moved)
    changes.push({
      field: "departmentCode",
      from: placement?.departmentCode ?? null,
      to: row.department.code,
    });
  if (promoted && (placement?.positionCode ?? null) !== positionCode) {
    changes.push({ field: "positionCode", from: placement?.positionCode ?? null, to: positionCode });
  }
  const transfer = moved || promoted ? { departmentId: row.department.id, positionId } : null;
  return { staff, row, set, transfer, changes };
}

function checkChange(change: StaffChange, effectiveDate: LocalDate): ImportRowError | null {
  const { staff, row } = change;
  const latest = staff.latestPlacementFrom;
  if (change.transfer !== null && latest !== null && latest > effectiveDate) {
    return {
      line: row.line,
      field: "departmentCode",
      message: `a transfer on ${effectiveDate} would come before the assignment starting ${latest}`,
    };
  }
  const endDate = row.endDate === undefined ? staff.fields.endDate : row.endDate;
  if (endDate !== null && endDate < row.startDate) {
    return {
      line: row.line,
      field: "startDate",
      message: `${row.startDate} is after the stored endDate ${endDate}`,
    };
  }
  return null;
}

function findLeavers(
  existing: readonly ExistingStaff[],
  named: ReadonlySet<string>,
  endDate: LocalDate,
): ExistingStaff[] {
  return existing.filter(
    (staff) =>
      !named.has(staff.staffNumber) &&
      staff.fields.startDate <= endDate &&
      (staff.fields.endDate === null || staff.fields.endDate > endDate),
  );
}
