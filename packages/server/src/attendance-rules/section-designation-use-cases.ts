import type { SectionDesignationDto, SectionDesignationInput } from "@tobira/protocol";
import { conflictingField, invalidField } from "../access/field-errors";
import { appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { findDepartment } from "../org/department-repository";
import { describeDateRange } from "./date-ranges";
import {
  deleteSectionDesignation,
  findOverlappingDesignation,
  findSectionDesignation,
  insertSectionDesignation,
} from "./section-designation-repository";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

/** 他律的 or not, per section over dates: one designation per department on any day. */
export async function designateSection(
  { db, clock }: UseCaseDeps,
  actor: string,
  input: SectionDesignationInput,
): Promise<SectionDesignationDto> {
  if (input.to !== null && input.to < input.from) throw invalidField("to", "must not be before from");
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    if (!(await findDepartment(trx, input.departmentId)))
      throw invalidField("departmentId", "is not an existing department");
    const clash = await findOverlappingDesignation(trx, input.departmentId, input);
    if (clash) throw conflictingField("from", `overlaps the designation ${describeDateRange(clash)}`);
    const id = await insertSectionDesignation(trx, input);
    const after = await requireDesignation(trx, id);
    await appendAudit(
      trx,
      {
        actor,
        action: "attendanceRules.designationCreated",
        targetType: "department",
        targetId: input.departmentId,
        details: { after },
      },
      now,
    );
    return after;
  });
}

export async function removeSectionDesignation(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
): Promise<void> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await findSectionDesignation(trx, id);
    if (!before) throw notFound("The section designation");
    await deleteSectionDesignation(trx, id);
    await appendAudit(
      trx,
      {
        actor,
        action: "attendanceRules.designationRemoved",
        targetType: "department",
        targetId: before.departmentId,
        details: { before },
      },
      now,
    );
  });
}

async function requireDesignation(db: Executor, id: number): Promise<SectionDesignationDto> {
  const stored = await findSectionDesignation(db, id);
  if (!stored) throw new Error(`section designation ${id} vanished inside its own transaction`);
  return stored;
}
