import type { WorkPatternDto, WorkPatternInput } from "@tobira/protocol";
import { conflictingField } from "../access/field-errors";
import { appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { countAssignmentsOfPattern } from "./pattern-assignment-repository";
import { findPatternIssues } from "./pattern-days";
import { throwIfInvalid } from "./throw-if-invalid";
import {
  deleteWorkPattern,
  findWorkPattern,
  findWorkPatternIdByName,
  insertWorkPattern,
  updateWorkPattern,
} from "./work-pattern-repository";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

export async function createWorkPattern(
  { db, clock }: UseCaseDeps,
  actor: string,
  input: WorkPatternInput,
): Promise<WorkPatternDto> {
  throwIfInvalid(findPatternIssues(input));
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    await refuseNameInUse(trx, input.name, null);
    const id = await insertWorkPattern(trx, input, now);
    const after = await requireWorkPattern(trx, id);
    await appendAudit(
      trx,
      {
        actor,
        action: "attendanceRules.patternCreated",
        targetType: "workPattern",
        targetId: id,
        details: { after },
      },
      now,
    );
    return after;
  });
}

export async function editWorkPattern(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
  input: WorkPatternInput,
): Promise<WorkPatternDto> {
  throwIfInvalid(findPatternIssues(input));
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const before = await findWorkPattern(trx, id);
    if (!before) throw notFound("The work pattern");
    await refuseNameInUse(trx, input.name, id);
    await updateWorkPattern(trx, id, input, now);
    const after = await requireWorkPattern(trx, id);
    await appendAudit(
      trx,
      {
        actor,
        action: "attendanceRules.patternUpdated",
        targetType: "workPattern",
        targetId: id,
        details: { before, after },
      },
      now,
    );
    return after;
  });
}

export async function removeWorkPattern(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
): Promise<void> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await findWorkPattern(trx, id);
    if (!before) throw notFound("The work pattern");
    const assignments = await countAssignmentsOfPattern(trx, id);
    if (assignments > 0) throw conflictingField("id", `is still assigned to staff ${assignments} time(s)`);
    await deleteWorkPattern(trx, id);
    await appendAudit(
      trx,
      {
        actor,
        action: "attendanceRules.patternRemoved",
        targetType: "workPattern",
        targetId: id,
        details: { before },
      },
      now,
    );
  });
}

async function refuseNameInUse(db: Executor, name: string, exceptId: number | null): Promise<void> {
  const existing = await findWorkPatternIdByName(db, name);
  if (existing !== undefined && existing !== exceptId)
    throw conflictingField("name", "is already used by another work pattern");
}

async function requireWorkPattern(db: Executor, id: number): Promise<WorkPatternDto> {
  const stored = await findWorkPattern(db, id);
  if (!stored) throw new Error(`work pattern ${id} vanished inside its own transaction`);
  return stored;
}
