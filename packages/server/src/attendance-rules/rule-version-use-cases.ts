import { toLocalDate } from "@tobira/core";
import type { RuleVersionDto, RuleVersionInput } from "@tobira/protocol";
import { conflictingField, invalidField } from "../access/field-errors";
import { appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { findWorkRulesIssues } from "./rule-issues";
import {
  deleteRuleVersion,
  findRuleVersion,
  findRuleVersionIdByDate,
  insertRuleVersion,
  updateRuleVersion,
} from "./rule-version-repository";
import { throwIfInvalid } from "./throw-if-invalid";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

const inForceMessage = "rules in force are not edited; add a new version with a later 施行日";

export async function createRuleVersion(
  { db, clock }: UseCaseDeps,
  actor: string,
  input: RuleVersionInput,
): Promise<RuleVersionDto> {
  throwIfInvalid(findWorkRulesIssues(input.rules));
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    await refuseDateInUse(trx, input.effectiveFrom, null);
    const id = await insertRuleVersion(trx, input, actor, now);
    const after = await requireRuleVersion(trx, id);
    await appendAudit(
      trx,
      {
        actor,
        action: "attendanceRules.versionCreated",
        targetType: "ruleVersion",
        targetId: id,
        details: { after },
      },
      now,
    );
    return after;
  });
}

/** Only a version not yet in force (施行日 after today in Tokyo) may change, and it must stay in the future. */
export async function editRuleVersion(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
  input: RuleVersionInput,
): Promise<RuleVersionDto> {
  throwIfInvalid(findWorkRulesIssues(input.rules));
  const now = clock.now();
  const today = toLocalDate(now);
  return db.transaction().execute(async (trx) => {
    const before = await requireFutureVersion(trx, id, today);
    if (input.effectiveFrom <= today)
      throw invalidField("effectiveFrom", `must be after today (${today}) for a version not yet in force`);
    await refuseDateInUse(trx, input.effectiveFrom, id);
    await updateRuleVersion(trx, id, input);
    const after = await requireRuleVersion(trx, id);
    await appendAudit(
      trx,
      {
        actor,
        action: "attendanceRules.versionUpdated",
        targetType: "ruleVersion",
        targetId: id,
        details: { before, after },
      },
      now,
    );
    return after;
  });
}

export async function removeRuleVersion(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
): Promise<void> {
  const now = clock.now();
  const today = toLocalDate(now);
  await db.transaction().execute(async (trx) => {
    const before = await requireFutureVersion(trx, id, today);
    await deleteRuleVersion(trx, id);
    await appendAudit(
      trx,
      {
        actor,
        action: "attendanceRules.versionRemoved",
        targetType: "ruleVersion",
        targetId: id,
        details: { before },
      },
      now,
    );
  });
}

async function requireFutureVersion(db: Executor, id: number, today: string): Promise<RuleVersionDto> {
  const stored = await findRuleVersion(db, id);
  if (!stored) throw notFound("The rule version");
  if (stored.effectiveFrom <= today) throw conflictingField("effectiveFrom", inForceMessage);
  return stored;
}

async function refuseDateInUse(db: Executor, effectiveFrom: string, exceptId: number | null): Promise<void> {
  const existing = await findRuleVersionIdByDate(db, effectiveFrom);
  if (existing !== undefined && existing !== exceptId)
    throw conflictingField("effectiveFrom", `already has a rule version (${effectiveFrom})`);
}

async function requireRuleVersion(db: Executor, id: number): Promise<RuleVersionDto> {
  const stored = await findRuleVersion(db, id);
  if (!stored) throw new Error(`rule version ${id} vanished inside its own transaction`);
  return stored;
}
