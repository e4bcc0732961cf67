import {
  employmentTypeSchema,
  type StaffAssignment,
  type StaffDetail,
  type StaffListQuery,
  type StaffSummary,
} from "@tobira/protocol";
import type { ExpressionBuilder, SelectQueryBuilder } from "kysely";
import type { Database, NewStaffRow, StaffRow, StaffRowUpdate } from "../db/schema";
import type { Executor } from "../db/transaction";

type StaffWithPlacement = StaffRow & {
  department_id: number | null;
  department_name: string | null;
  position_name: string | null;
};

function toStaffSummary(row: StaffWithPlacement): StaffSummary {
  return {
    id: row.id,
    staffNumber: row.staff_number,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    employmentType: employmentTypeSchema.parse(row.employment_type),
    departmentId: row.department_id,
    departmentName: row.department_name,
    positionName: row.position_name,
    startDate: row.start_date,
    endDate: row.end_date,
    email: row.email,
    phone: row.phone,
  };
}

/** Joins each staff row to its assignment (所属・職) in force on `asOf`, as `sa` (null when none). */
export function joinAssignmentInForce<O>(query: SelectQueryBuilder<Database, "staff", O>, asOf: string) {
  return query.leftJoin("staff_assignment as sa", (join) =>
    join
      .onRef("sa.staff_id", "=", "staff.id")
      .on("sa.valid_from", "<=", asOf)
      .on((eb) => eb.or([eb("sa.valid_to", "is", null), eb("sa.valid_to", ">=", asOf)])),
  );
}

/** Staff with the department and position of the assignment in force on `asOf`. */
function selectStaffWithPlacement(db: Executor, asOf: string) {
  return joinAssignmentInForce(db.selectFrom("staff"), asOf)
    .leftJoin("department as d", "d.id", "sa.department_id")
    .leftJoin("position as p", "p.id", "sa.position_id")
    .selectAll("staff")
    .select(["sa.department_id as department_id", "d.name as department_name", "p.name as position_name"]);
}

export interface StaffSearch extends StaffListQuery {
  /** The department and all below it, already expanded by the caller. */
  departmentIds?: number[];
}

export async function searchStaff(
  db: Executor,
  search: StaffSearch,
  asOf: string,
): Promise<{ items: StaffSummary[]; total: number }> {
  const filters = (
    eb: ExpressionBuilder<Database & { sa: Database["staff_assignment"] }, "staff" | "sa">,
  ) => {
    const conditions = [];
    if (search.q) {
      const pattern = `%${escapeLike(search.q.replace(/[\s\u3000]+/g, ""))}%`;
      conditions.push(
        eb.or([
          eb("staff.staff_number", "like", pattern),
          eb(
            eb.fn("replace", [
              eb.fn("concat", ["staff.family_name", "staff.given_name"]),
              eb.val(" "),
              eb.val(""),
            ]),
            "like",
            pattern,
          ),
          eb(eb.fn("concat", ["staff.family_name_kana", "staff.given_name_kana"]), "like", pattern),
        ]),
      );
    }
    if (search.departmentIds)
      conditions.push(
        eb("sa.department_id", "in", search.departmentIds.length ? search.departmentIds : [-1]),
      );
    if (!search.includeLeft)
      conditions.push(eb.or([eb("staff.end_date", "is", null), eb("staff.end_date", ">=", asOf)]));
    return eb.and(conditions);
  };
  const base = selectStaffWithPlacement(db, asOf).where(filters);
  const rows = await base.orderBy("staff.staff_number").limit(search.limit).offset(search.offset).execute();
  const count = await joinAssignmentInForce(db.selectFrom("staff"), asOf)
    .where(filters)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toStaffSummary), total: Number(count.n) };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function findStaffDetail(
  db: Executor,
  id: number,
  asOf: string,
): Promise<StaffDetail | undefined> {
  const row = await selectStaffWithPlacement(db, asOf).where("staff.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  return { ...toStaffSummary(row), assignments: await listAssignments(db, id) };
}

export async function listAssignments(db: Executor, staffId: number): Promise<StaffAssignment[]> {
  const rows = await db
    .selectFrom("staff_assignment as sa")
    .innerJoin("department as d", "d.id", "sa.department_id")
    .leftJoin("position as p", "p.id", "sa.position_id")
    .select([
      "sa.id",
      "sa.department_id",
      "d.name as department_name",
      "sa.position_id",
      "p.name as position_name",
      "sa.valid_from",
      "sa.valid_to",
      "sa.note",
    ])
    .where("sa.staff_id", "=", staffId)
    .orderBy("sa.valid_from", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    departmentId: r.department_id,
    departmentName: r.department_name,
    positionId: r.position_id,
    positionName: r.position_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    note: r.note,
  }));
}

export async function findStaffIdByNumber(db: Executor, staffNumber: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("staff")
    .select("id")
    .where("staff_number", "=", staffNumber)
    .executeTakeFirst();
  return row?.id;
}

export async function insertStaff(db: Executor, row: NewStaffRow): Promise<number> {
  const inserted = await db.insertInto("staff").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateStaffRow(db: Executor, id: number, changes: StaffRowUpdate): Promise<void> {
  await db.updateTable("staff").set(changes).where("id", "=", id).execute();
}

export interface Placement {
  departmentId: number;
  positionId: number | null;
  validFrom: string;
  note: string | null;
}

export async function insertAssignment(db: Executor, staffId: number, placement: Placement): Promise<void> {
  await db
    .insertInto("staff_assignment")
    .values({
      staff_id: staffId,
      department_id: placement.departmentId,
      position_id: placement.positionId,
      valid_from: placement.validFrom,
      valid_to: null,
      note: placement.note,
    })
    .execute();
}

export async function latestAssignment(db: Executor, staffId: number) {
  return db
    .selectFrom("staff_assignment")
    .selectAll()
    .where("staff_id", "=", staffId)
    .orderBy("valid_from", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function closeAssignment(db: Executor, assignmentId: number, validTo: string): Promise<void> {
  await db
    .updateTable("staff_assignment")
    .set({ valid_to: validTo })
    .where("id", "=", assignmentId)
    .execute();
}
