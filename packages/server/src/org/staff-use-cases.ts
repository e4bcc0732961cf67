import { toLocalDate } from "@tobira/core";
import type { StaffDetail, StaffInput, StaffUpdate, TransferInput } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { findDepartment } from "./department-repository";
import { placeStaff } from "./place-staff";
import { findStaffDetail, findStaffIdByNumber, insertStaff, updateStaffRow } from "./staff-repository";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

const editableFields = [
  "familyName",
  "givenName",
  "familyNameKana",
  "givenNameKana",
  "employmentType",
  "startDate",
  "endDate",
  "email",
  "phone",
] as const satisfies readonly (keyof StaffUpdate)[];

export async function createStaff(
  { db, clock }: UseCaseDeps,
  actor: string,
  input: StaffInput,
): Promise<StaffDetail> {
  const now = clock.now();
  checkDates(input.startDate, input.endDate);
  const id = await db.transaction().execute(async (trx) => {
    if (await findStaffIdByNumber(trx, input.staffNumber)) {
      throw new AppError("conflict", `Staff number ${input.staffNumber} is already in use.`, [
        { path: "staffNumber", message: "is already in use" },
      ]);
    }
    await checkPlacement(trx, input.departmentId, input.positionId, input.startDate);
    const staffId = await insertStaff(trx, {
      staff_number: input.staffNumber,
      family_name: input.familyName,
      given_name: input.givenName,
      family_name_kana: input.familyNameKana,
      given_name_kana: input.givenNameKana,
      employment_type: input.employmentType,
      start_date: input.startDate,
      end_date: input.endDate,
      email: input.email,
      phone: input.phone,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await placeStaff(trx, staffId, {
      departmentId: input.departmentId,
      positionId: input.positionId,
      validFrom: input.startDate,
      note: "採用",
    });
    await appendAudit(
      trx,
      { actor, action: "staff.created", targetType: "staff", targetId: input.staffNumber },
      now,
    );
    return staffId;
  });
  return loadDetail(db, id, now);
}

export async function updateStaff(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
  update: StaffUpdate,
): Promise<StaffDetail> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await findStaffDetail(trx, id, toLocalDate(now));
    if (!before) throw notFound("The staff member");
    checkDates(
      update.startDate ?? before.startDate,
      update.endDate === undefined ? before.endDate : update.endDate,
    );
    const changed = editableFields.filter(
      (field) => update[field] !== undefined && update[field] !== before[field],
    );
    if (changed.length === 0) return;
    await updateStaffRow(trx, id, {
      family_name: update.familyName,
      given_name: update.givenName,
      family_name_kana: update.familyNameKana,
      given_name_kana: update.givenNameKana,
      employment_type: update.employmentType,
      start_date: update.startDate,
      end_date: update.endDate,
      email: update.email,
      phone: update.phone,
      updated_at: now.toISOString(),
    });
    await appendAudit(
      trx,
      {
        actor,
        action: "staff.updated",
        targetType: "staff",
        targetId: before.staffNumber,
        details: { fields: changed },
      },
      now,
    );
  });
  return loadDetail(db, id, now);
}

export async function transferStaff(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
  input: TransferInput,
): Promise<StaffDetail> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const staff = await findStaffDetail(trx, id, input.effectiveDate);
    if (!staff) throw notFound("The staff member");
    await checkPlacement(trx, input.departmentId, input.positionId, input.effectiveDate);
    await placeStaff(trx, id, {
      departmentId: input.departmentId,
      positionId: input.positionId,
      validFrom: input.effectiveDate,
      note: input.note,
    });
    await appendAudit(
      trx,
      {
        actor,
        action: "staff.transferred",
        targetType: "staff",
        targetId: staff.staffNumber,
        details: {
          departmentId: input.departmentId,
          positionId: input.positionId,
          effectiveDate: input.effectiveDate,
        },
      },
      now,
    );
  });
  return loadDetail(db, id, now);
}

async function loadDetail(db: Executor, id: number, now: Date): Promise<StaffDetail> {
  const detail = await findStaffDetail(db, id, toLocalDate(now));
  if (!detail) throw notFound("The staff member");
  return detail;
}

function checkDates(startDate: string, endDate: string | null): void {
  if (endDate !== null && endDate < startDate) {
    throw new AppError("validation_failed", "The end date is before the start date.", [
      { path: "endDate", message: "must not be before the start date" },
    ]);
  }
}

async function checkPlacement(
  db: Executor,
  departmentId: number,
  positionId: number | null,
  on: string,
): Promise<void> {
  const department = await findDepartment(db, departmentId);
  if (!department || department.validFrom > on || (department.validTo !== null && department.validTo < on)) {
    throw new AppError("validation_failed", `Department ${departmentId} does not exist on ${on}.`, [
      { path: "departmentId", message: `does not exist on ${on}` },
    ]);
  }
  if (positionId === null) return;
  const position = await db
    .selectFrom("position")
    .select("id")
    .where("id", "=", positionId)
    .executeTakeFirst();
  if (!position) {
    throw new AppError("validation_failed", `Position ${positionId} does not exist.`, [
      { path: "positionId", message: "does not exist" },
    ]);
  }
}
