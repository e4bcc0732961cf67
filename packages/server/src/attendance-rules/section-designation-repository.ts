import type { SectionDesignationDto, SectionDesignationInput } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import type { DateRange } from "./date-ranges";

/** Designations with their department's name, by department then start date. */
export async function listSectionDesignations(
  db: Executor,
  onlyId?: number,
): Promise<SectionDesignationDto[]> {
  let query = db
    .selectFrom("section_designation as s")
    .innerJoin("department as d", "d.id", "s.department_id")
    .select(["s.id", "s.department_id", "s.externally_driven", "s.valid_from", "s.valid_to", "d.name"])
    .orderBy("s.department_id")
    .orderBy("s.valid_from");
  if (onlyId !== undefined) query = query.where("s.id", "=", onlyId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    departmentId: r.department_id,
    departmentName: r.name,
    externallyDriven: r.externally_driven === 1,
    from: r.valid_from,
    to: r.valid_to,
  }));
}

export async function findSectionDesignation(
  db: Executor,
  id: number,
): Promise<SectionDesignationDto | undefined> {
  return (await listSectionDesignations(db, id))[0];
}

/** The first of a department's designations that shares a day with `range` (dates inclusive). */
export async function findOverlappingDesignation(
  db: Executor,
  departmentId: number,
  range: DateRange,
): Promise<DateRange | undefined> {
  let query = db
    .selectFrom("section_designation")
    .select(["valid_from", "valid_to"])
    .where("department_id", "=", departmentId)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", range.from)]))
    .orderBy("valid_from")
    .limit(1);
  if (range.to !== null) query = query.where("valid_from", "<=", range.to);
  const row = await query.executeTakeFirst();
  return row && { from: row.valid_from, to: row.valid_to };
}

export async function insertSectionDesignation(
  db: Executor,
  input: SectionDesignationInput,
): Promise<number> {
  const { id } = await db
    .insertInto("section_designation")
    .values({
      department_id: input.departmentId,
      externally_driven: input.externallyDriven ? 1 : 0,
      valid_from: input.from,
      valid_to: input.to,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function deleteSectionDesignation(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("section_designation").where("id", "=", id).execute();
}
