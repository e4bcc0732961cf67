import { compareLocalDates, type LocalDate } from "@tobira/core";
import type { NewStaffRow, StaffRowUpdate } from "../db/schema";
import type { Executor } from "../db/transaction";
import { placeStaff } from "../org/place-staff";
import { insertAssignment, updateStaffRow } from "../org/staff-repository";
import type { ImportedStaff, ImportPlan, StaffChange, StaffFields } from "./import-types";
import { endStaffBatch, insertAssignmentBatch, insertStaffBatch } from "./staff-import-repository";

export interface WriteOptions {
  effectiveDate: LocalDate;
  leaversEndDate: LocalDate | null;
  at: Date;
}

const hiredNote = "採用";
const transferNote = "異動（一括取込）";

/** Persists a plan that has no errors; call it inside the transaction that loaded the facts it was made from. */
export async function writeImportPlan(trx: Executor, plan: ImportPlan, options: WriteOptions): Promise<void> {
  await addStaff(trx, plan.adds, options.at);
  for (const change of plan.changes) await changeStaff(trx, change, options);
  if (options.leaversEndDate !== null && plan.leavers.length > 0) {
    const ids = plan.leavers.map((staff) => staff.id);
    await endStaffBatch(trx, ids, options.leaversEndDate, options.at);
  }
}

async function addStaff(trx: Executor, adds: readonly ImportedStaff[], at: Date): Promise<void> {
  if (adds.length === 0) return;
  const ids = await insertStaffBatch(
    trx,
    adds.map((row) => toNewStaffRow(row, at.toISOString())),
  );
  const placements = adds.flatMap((row) => {
    const staffId = ids.get(row.staffNumber);
    if (staffId === undefined) return [];
    // Someone who joined before their department's current version began is placed from its first day.
    const validFrom =
      compareLocalDates(row.startDate, row.department.validFrom) < 0
        ? row.department.validFrom
        : row.startDate;
    return [
      {
        staffId,
        departmentId: row.department.id,
        positionId: row.position?.id ?? null,
        validFrom,
        note: hiredNote,
      },
    ];
  });
  await insertAssignmentBatch(trx, placements);
}

async function changeStaff(trx: Executor, change: StaffChange, options: WriteOptions): Promise<void> {
  const staffId = change.staff.id;
  if (Object.keys(change.set).length > 0)
    await updateStaffRow(trx, staffId, toRowUpdate(change.set, options.at));
  if (change.transfer === null) return;
  const placement = { ...change.transfer, validFrom: options.effectiveDate, note: transferNote };
  // With no assignment in force or to come, there is nothing to close: placeStaff would reopen an ended one.
  if (change.staff.placement === null) await insertAssignment(trx, staffId, placement);
  else await placeStaff(trx, staffId, placement);
}

function toNewStaffRow(row: ImportedStaff, at: string): NewStaffRow {
  return {
    staff_number: row.staffNumber,
    family_name: row.familyName,
    given_name: row.givenName,
    family_name_kana: row.familyNameKana,
    given_name_kana: row.givenNameKana,
    employment_type: row.employmentType,
    start_date: row.startDate,
    end_date: row.endDate ?? null,
    email: row.email ?? null,
    phone: row.phone ?? null,
    created_at: at,
    updated_at: at,
  };
}

function toRowUpdate(set: Partial<StaffFields>, at: Date): StaffRowUpdate {
  return {
    family_name: set.familyName,
    given_name: set.givenName,
    family_name_kana: set.familyNameKana,
    given_name_kana: set.givenNameKana,
    employment_type: set.employmentType,
    start_date: set.startDate,
    end_date: set.endDate,
    email: set.email,
    phone: set.phone,
    updated_at: at.toISOString(),
  };
}
