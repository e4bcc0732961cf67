import { type EmploymentType, employmentTypes } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import { listDepartments } from "../org/department-repository";
import { subtreeOf } from "../org/routes";
import { employmentTypeLabels } from "../staff-import/employment-type-labels";
import { findMonthRange } from "./month-dates";

/** A person whose month a department answers for, placed where they were on the month's last day. */
export interface MonthMember {
  staffId: number;
  staffNumber: string;
  name: string;
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  /** The employment type's Japanese label (正規, 会計年度任用職員 …). */
  employmentType: string;
}

/**
 * The people a department's month covers: those employed in the month whose assignment on its last day
 * (their own last day, for someone who left during the month) is in the department or below it.
 * Sorted by staff number.
 */
export async function listMonthMembers(
  db: Executor,
  departmentId: number,
  month: string,
): Promise<MonthMember[]> {
  const { first, last } = findMonthRange(month);
  const departments = await listDepartments(db);
  const inScope = new Set(subtreeOf(departments, departmentId));
  const rows = await db
    .selectFrom("staff")
    .innerJoin("staff_assignment as sa", "sa.staff_id", "staff.id")
    .innerJoin("department as d", "d.id", "sa.department_id")
    .select([
      "staff.id",
      "staff.staff_number",
      "staff.family_name",
      "staff.given_name",
      "staff.employment_type",
      "staff.end_date",
      "sa.department_id",
      "sa.valid_from",
      "sa.valid_to",
      "d.code as department_code",
      "d.name as department_name",
    ])
    .where("staff.start_date", "<=", last)
    .where((eb) => eb.or([eb("staff.end_date", "is", null), eb("staff.end_date", ">=", first)]))
    .where("sa.valid_from", "<=", last)
    .where((eb) => eb.or([eb("sa.valid_to", "is", null), eb("sa.valid_to", ">=", first)]))
    .orderBy("staff.staff_number")
    .execute();
  const members: MonthMember[] = [];
  for (const row of rows) {
    const asOf = row.end_date !== null && row.end_date < last ? row.end_date : last;
    const inForce = row.valid_from <= asOf && (row.valid_to === null || row.valid_to >= asOf);
    if (!inForce || !inScope.has(row.department_id)) continue;
    members.push({
      staffId: row.id,
      staffNumber: row.staff_number,
      name: `${row.family_name} ${row.given_name}`,
      departmentId: row.department_id,
      departmentCode: row.department_code,
      departmentName: row.department_name,
      employmentType: labelOf(row.employment_type),
    });
  }
  return members;
}

/** The department a person's month belongs to (see `listMonthMembers`), or null when they had none. */
export async function findMonthDepartmentId(
  db: Executor,
  staffId: number,
  month: string,
): Promise<number | null> {
  const { last } = findMonthRange(month);
  const staff = await db.selectFrom("staff").select("end_date").where("id", "=", staffId).executeTakeFirst();
  const asOf = staff?.end_date != null && staff.end_date < last ? staff.end_date : last;
  const row = await db
    .selectFrom("staff_assignment")
    .select("department_id")
    .where("staff_id", "=", staffId)
    .where("valid_from", "<=", asOf)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", asOf)]))
    .executeTakeFirst();
  return row?.department_id ?? null;
}

function labelOf(type: string): string {
  const known = employmentTypes.find((candidate): candidate is EmploymentType => candidate === type);
  return known ? employmentTypeLabels[known] : type;
}
