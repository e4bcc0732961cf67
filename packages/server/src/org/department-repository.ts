import { type Department, type DepartmentInput, departmentKindSchema } from "@tobira/protocol";
import type { DepartmentRow } from "../db/schema";
import type { Executor } from "../db/transaction";

export function toDepartment(row: DepartmentRow): Department {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: departmentKindSchema.parse(row.kind),
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** Departments in force on `asOf` (all versions when absent), parents before children by code. */
export async function listDepartments(db: Executor, asOf?: string): Promise<Department[]> {
  let query = db.selectFrom("department").selectAll().orderBy("code").orderBy("valid_from");
  if (asOf) {
    query = query
      .where("valid_from", "<=", asOf)
      .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", asOf)]));
  }
  return (await query.execute()).map(toDepartment);
}

export async function findDepartment(db: Executor, id: number): Promise<Department | undefined> {
  const row = await db.selectFrom("department").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toDepartment(row) : undefined;
}

export async function insertDepartment(db: Executor, input: DepartmentInput): Promise<Department> {
  const row = await db
    .insertInto("department")
    .values({
      code: input.code,
      name: input.name,
      kind: input.kind,
      parent_id: input.parentId,
      valid_from: input.validFrom,
      valid_to: input.validTo,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDepartment(row);
}

export async function updateDepartment(
  db: Executor,
  id: number,
  input: DepartmentInput,
): Promise<Department> {
  const row = await db
    .updateTable("department")
    .set({
      code: input.code,
      name: input.name,
      kind: input.kind,
      parent_id: input.parentId,
      valid_from: input.validFrom,
      valid_to: input.validTo,
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDepartment(row);
}
