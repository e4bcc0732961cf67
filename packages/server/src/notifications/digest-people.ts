import type { LocalDate } from "@tobira/core";
import type { Executor } from "../db/transaction";
import { listDepartments } from "../org/department-repository";
import { subtreeOf } from "../org/routes";

export interface DigestPerson {
  staffId: number;
  staffNumber: string;
  name: string;
  departmentId: number;
  sectionHead: boolean;
}

/** Everyone employed on a date, where their assignment placed them that day, sorted by staff number. */
export async function listPeopleOn(db: Executor, date: LocalDate): Promise<DigestPerson[]> {
  const rows = await db
    .selectFrom("staff")
    .innerJoin("staff_assignment as sa", "sa.staff_id", "staff.id")
    .leftJoin("position as p", "p.id", "sa.position_id")
    .select([
      "staff.id",
      "staff.staff_number",
      "staff.family_name",
      "staff.given_name",
      "sa.department_id",
      "p.is_section_head",
    ])
    .where("staff.start_date", "<=", date)
    .where((eb) => eb.or([eb("staff.end_date", "is", null), eb("staff.end_date", ">=", date)]))
    .where("sa.valid_from", "<=", date)
    .where((eb) => eb.or([eb("sa.valid_to", "is", null), eb("sa.valid_to", ">=", date)]))
    .orderBy("staff.staff_number")
    .execute();
  return rows.map((row) => ({
    staffId: row.id,
    staffNumber: row.staff_number,
    name: `${row.family_name} ${row.given_name}`,
    departmentId: row.department_id,
    sectionHead: row.is_section_head === 1,
  }));
}

/** Each section head with the people of their department and the departments below it (not themself). */
export async function groupBySectionHead(
  db: Executor,
  people: readonly DigestPerson[],
  date: LocalDate,
): Promise<{ head: DigestPerson; members: DigestPerson[] }[]> {
  const heads = people.filter((person) => person.sectionHead);
  if (heads.length === 0) return [];
  const departments = await listDepartments(db, date);
  return heads.map((head) => {
    const inScope = new Set(subtreeOf(departments, head.departmentId));
    const members = new Map<number, DigestPerson>();
    for (const person of people)
      if (person.staffId !== head.staffId && inScope.has(person.departmentId))
        members.set(person.staffId, person);
    return { head, members: [...members.values()] };
  });
}
