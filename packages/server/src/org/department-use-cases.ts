import type { Department, DepartmentInput } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { findDepartment, insertDepartment, updateDepartment } from "./department-repository";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

// 部 › 課 › 係: each kind sits directly under the one before it.
const parentKind = { department: null, section: "department", unit: "section" } as const;

export async function createDepartment(
  { db, clock }: UseCaseDeps,
  actor: string,
  input: DepartmentInput,
): Promise<Department> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    await checkDepartment(trx, input, null);
    const department = await insertDepartment(trx, input);
    await appendAudit(
      trx,
      {
        actor,
        action: "department.created",
        targetType: "department",
        targetId: input.code,
        details: { ...input },
      },
      now,
    );
    return department;
  });
}

export async function editDepartment(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
  input: DepartmentInput,
): Promise<Department> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const before = await findDepartment(trx, id);
    if (!before) throw notFound("The department");
    await checkDepartment(trx, input, id);
    const after = await updateDepartment(trx, id, input);
    await appendAudit(
      trx,
      {
        actor,
        action: "department.updated",
        targetType: "department",
        targetId: input.code,
        details: { before, after },
      },
      now,
    );
    return after;
  });
}

async function checkDepartment(db: Executor, input: DepartmentInput, selfId: number | null): Promise<void> {
  if (input.validTo !== null && input.validTo < input.validFrom) {
    throw new AppError("validation_failed", "The end date is before the start date.", [
      { path: "validTo", message: "must not be before validFrom" },
    ]);
  }
  const expectedParent = parentKind[input.kind];
  if (expectedParent === null && input.parentId !== null) {
    throw new AppError("validation_failed", "A 部 (department) has no parent.", [
      { path: "parentId", message: "must be empty for a department" },
    ]);
  }
  if (expectedParent !== null) {
    const parent = input.parentId === null ? undefined : await findDepartment(db, input.parentId);
    if (!parent || parent.kind !== expectedParent || parent.id === selfId) {
      throw new AppError("validation_failed", `A ${input.kind} must sit under a ${expectedParent}.`, [
        { path: "parentId", message: `must be a ${expectedParent}` },
      ]);
    }
  }
  const clash = await db
    .selectFrom("department")
    .select(["id", "valid_from", "valid_to"])
    .where("code", "=", input.code)
    .where("id", "!=", selfId ?? -1)
    .execute();
  const overlapping = clash.find(
    (d) =>
      (d.valid_to === null || d.valid_to >= input.validFrom) &&
      (input.validTo === null || d.valid_from <= input.validTo),
  );
  if (overlapping) {
    throw new AppError(
      "conflict",
      `Department code ${input.code} is already used in an overlapping period.`,
      [{ path: "code", message: "is already used in an overlapping period" }],
    );
  }
}
