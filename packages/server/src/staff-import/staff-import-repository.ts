import type { LocalDate } from "@tobira/core";
import type { NewStaffRow, StaffRow } from "../db/schema";
import type { Executor } from "../db/transaction";
import type { Placement } from "../org/staff-repository";
import type { ExistingStaff, StoredPlacement } from "./import-types";

// 500 rows of up to 12 values stay well under SQLite's and PostgreSQL's limits on bound parameters.
const batchSize = 500;

type AssignmentWithCodes = StoredPlacement & {
  staffId: number;
  validFrom: LocalDate;
  validTo: LocalDate | null;
};

/** Every stored staff member with the 所属・職 that matters on `effectiveDate`, in two queries. */
export async function loadExistingStaff(db: Executor, effectiveDate: LocalDate): Promise<ExistingStaff[]> {
  const staffRows = await db.selectFrom("staff").selectAll().execute();
  const assignmentRows = await db
    .selectFrom("staff_assignment as sa")
    .innerJoin("department as d", "d.id", "sa.department_id")
    .leftJoin("position as p", "p.id", "sa.position_id")
    .select([
      "sa.staff_id",
      "sa.department_id",
      "d.code as department_code",
      "sa.position_id",
      "p.code as position_code",
      "sa.valid_from",
      "sa.valid_to",
    ])
    .where((eb) => eb.or([eb("sa.valid_to", "is", null), eb("sa.valid_to", ">=", effectiveDate)]))
    .orderBy("sa.staff_id")
    .orderBy("sa.valid_from")
    .execute();
  const assignmentsByStaff = new Map<number, AssignmentWithCodes[]>();
  for (const row of assignmentRows) {
    const assignment: AssignmentWithCodes = {
      staffId: row.staff_id,
      departmentId: row.department_id,
      departmentCode: row.department_code,
      positionId: row.position_id,
      positionCode: row.position_code,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    };
    const list = assignmentsByStaff.get(row.staff_id);
    if (list) list.push(assignment);
    else assignmentsByStaff.set(row.staff_id, [assignment]);
  }
  return staffRows.map((row) => toExistingStaff(row, assignmentsByStaff.get(row.id) ?? []));
}

function toExistingStaff(row: StaffRow, assignments: AssignmentWithCodes[]): ExistingStaff {
  // Sorted by valid_from and none ended before the effective date: the first is in force then or starts next.
  const current = assignments[0];
  return {
    id: row.id,
    staffNumber: row.staff_number,
    fields: {
      familyName: row.family_name,
      givenName: row.given_name,
      familyNameKana: row.family_name_kana,
      givenNameKana: row.given_name_kana,
      employmentType: row.employment_type,
      startDate: row.start_date,
      endDate: row.end_date,
      email: row.email,
      phone: row.phone,
    },
    placement: current
      ? {
          departmentId: current.departmentId,
          departmentCode: current.departmentCode,
          positionId: current.positionId,
          positionCode: current.positionCode,
        }
      : null,
    latestPlacementFrom: assignments.at(-1)?.validFrom ?? null,
  };
}

/** Inserts staff rows in batches and returns each new id by staff number. */
export async function insertStaffBatch(
  db: Executor,
  rows: readonly NewStaffRow[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const batch of splitIntoBatches(rows)) {
    const inserted = await db.insertInto("staff").values(batch).returning(["id", "staff_number"]).execute();
    for (const row of inserted) ids.set(row.staff_number, row.id);
  }
  return ids;
}

export async function insertAssignmentBatch(
  db: Executor,
  placements: readonly (Placement & { staffId: number })[],
): Promise<void> {
  for (const batch of splitIntoBatches(placements)) {
    await db
      .insertInto("staff_assignment")
      .values(
        batch.map((placement) => ({
          staff_id: placement.staffId,
          department_id: placement.departmentId,
          position_id: placement.positionId,
          valid_from: placement.validFrom,
          valid_to: null,
          note: placement.note,
        })),
      )
      .execute();
  }
}

/** Gives the staff members the same end date (退職日). */
export async function endStaffBatch(
  db: Executor,
  ids: readonly number[],
  endDate: LocalDate,
  at: Date,
): Promise<void> {
  for (const batch of splitIntoBatches(ids)) {
    await db
      .updateTable("staff")
      .set({ end_date: endDate, updated_at: at.toISOString() })
      .where("id", "in", batch)
      .execute();
  }
}

function splitIntoBatches<T>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += batchSize)
    batches.push(items.slice(start, start + batchSize));
  return batches;
}
