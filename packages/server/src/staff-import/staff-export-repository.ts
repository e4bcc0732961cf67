import type { LocalDate } from "@tobira/core";
import type { Executor } from "../db/transaction";
import { joinAssignmentInForce } from "../org/staff-repository";

export interface ExportedStaff {
  staffNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  departmentCode: string | null;
  departmentName: string | null;
  positionCode: string | null;
  positionName: string | null;
  employmentType: string;
  startDate: LocalDate;
  endDate: LocalDate | null;
  email: string | null;
  phone: string | null;
}

/** Staff serving on `asOf` (started, not yet left) with the 所属・職 in force that day, by staff number. */
export async function listStaffForExport(db: Executor, asOf: LocalDate): Promise<ExportedStaff[]> {
  const rows = await joinAssignmentInForce(db.selectFrom("staff"), asOf)
    .leftJoin("department as d", "d.id", "sa.department_id")
    .leftJoin("position as p", "p.id", "sa.position_id")
    .select([
      "staff.staff_number",
      "staff.family_name",
      "staff.given_name",
      "staff.family_name_kana",
      "staff.given_name_kana",
      "d.code as department_code",
      "d.name as department_name",
      "p.code as position_code",
      "p.name as position_name",
      "staff.employment_type",
      "staff.start_date",
      "staff.end_date",
      "staff.email",
      "staff.phone",
    ])
    .where("staff.start_date", "<=", asOf)
    .where((eb) => eb.or([eb("staff.end_date", "is", null), eb("staff.end_date", ">=", asOf)]))
    .orderBy("staff.staff_number")
    .execute();
  return rows.map((row) => ({
    staffNumber: row.staff_number,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    positionCode: row.position_code,
    positionName: row.position_name,
    employmentType: row.employment_type,
    startDate: row.start_date,
    endDate: row.end_date,
    email: row.email,
    phone: row.phone,
  }));
}
