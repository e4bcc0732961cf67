import type { PatternAssignmentDto, PatternAssignmentInput } from "@tobira/protocol";
import { conflictingField, invalidField } from "../access/field-errors";
import { findStaffBrief } from "../access/staff-lookup";
import { appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { describeDateRange } from "./date-ranges";
import {
  deletePatternAssignment,
  findOverlappingAssignment,
  findPatternAssignment,
  insertPatternAssignment,
} from "./pattern-assignment-repository";
import { findWorkPattern } from "./work-pattern-repository";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

/** A person works one pattern on any day: a new assignment may not share a day with another. */
export async function assignPattern(
  { db, clock }: UseCaseDeps,
  actor: string,
  input: PatternAssignmentInput,
): Promise<PatternAssignmentDto> {
  if (input.to !== null && input.to < input.from) throw invalidField("to", "must not be before from");
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    if (!(await findStaffBrief(trx, input.staffId)))
      throw invalidField("staffId", "is not an existing staff member");
    if (!(await findWorkPattern(trx, input.patternId)))
      throw invalidField("patternId", "is not an existing work pattern");
    const clash = await findOverlappingAssignment(trx, input.staffId, input);
    if (clash) throw conflictingField("from", `overlaps the assignment ${describeDateRange(clash)}`);
    const id = await insertPatternAssignment(trx, input);
    const after = await requireAssignment(trx, id);
    await appendAudit(
      trx,
      {
        actor,
        action: "attendanceRules.assignmentCreated",
        targetType: "staff",
        targetId: input.staffId,
        details: { after },
      },
      now,
    );
    return after;
  });
}

export async function removePatternAssignment(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
): Promise<void> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await findPatternAssignment(trx, id);
    if (!before) throw notFound("The pattern assignment");
    await deletePatternAssignment(trx, id);
    await appendAudit(
      trx,
      {
        actor,
        action: "attendanceRules.assignmentRemoved",
        targetType: "staff",
        targetId: before.staffId,
        details: { before },
      },
      now,
    );
  });
}

async function requireAssignment(db: Executor, id: number): Promise<PatternAssignmentDto> {
  const stored = await findPatternAssignment(db, id);
  if (!stored) throw new Error(`pattern assignment ${id} vanished inside its own transaction`);
  return stored;
}
