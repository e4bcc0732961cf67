import type { PatternAssignmentDto, PatternAssignmentInput } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import type { DateRange } from "./date-ranges";

/**
 * Assignments with their pattern's name, by staff member then start date; only one person's with
 * `staffId`, only those people's with `staffIds`.
 */
export async function listPatternAssignments(
  db: Executor,
  only: { staffId?: number; staffIds?: readonly number[]; id?: number } = {},
): Promise<PatternAssignmentDto[]> {
  if (only.staffIds?.length === 0) return [];
  let query = db
    .selectFrom("pattern_assignment as a")
    .innerJoin("work_pattern as p", "p.id", "a.pattern_id")
    .select(["a.id", "a.staff_id", "a.pattern_id", "a.valid_from", "a.valid_to", "p.name"])
    .orderBy("a.staff_id")
    .orderBy("a.valid_from");
  if (only.staffId !== undefined) query = query.where("a.staff_id", "=", only.staffId);
  if (only.staffIds !== undefined) query = query.where("a.staff_id", "in", only.staffIds);
  if (only.id !== undefined) query = query.where("a.id", "=", only.id);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    staffId: r.staff_id,
    patternId: r.pattern_id,
    patternName: r.name,
    from: r.valid_from,
    to: r.valid_to,
  }));
}

export async function findPatternAssignment(
  db: Executor,
  id: number,
): Promise<PatternAssignmentDto | undefined> {
  return (await listPatternAssignments(db, { id }))[0];
}

/** The first of a person's assignments that shares a day with `range` (dates inclusive). */
export async function findOverlappingAssignment(
  db: Executor,
  staffId: number,
  range: DateRange,
): Promise<DateRange | undefined> {
  let query = db
    .selectFrom("pattern_assignment")
    .select(["valid_from", "valid_to"])
    .where("staff_id", "=", staffId)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", range.from)]))
    .orderBy("valid_from")
    .limit(1);
  if (range.to !== null) query = query.where("valid_from", "<=", range.to);
  const row = await query.executeTakeFirst();
  return row && { from: row.valid_from, to: row.valid_to };
}

export async function insertPatternAssignment(db: Executor, input: PatternAssignmentInput): Promise<number> {
  const { id } = await db
    .insertInto("pattern_assignment")
    .values({
      staff_id: input.staffId,
      pattern_id: input.patternId,
      valid_from: input.from,
      valid_to: input.to,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function deletePatternAssignment(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("pattern_assignment").where("id", "=", id).execute();
}

export async function countAssignmentsOfPattern(db: Executor, patternId: number): Promise<number> {
  const row = await db
    .selectFrom("pattern_assignment")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("pattern_id", "=", patternId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
