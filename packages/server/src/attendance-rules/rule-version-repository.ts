import { type RuleVersionDto, type RuleVersionInput, workRulesSchema } from "@tobira/protocol";
import type { Selectable } from "kysely";
import type { AttendanceRuleVersionTable } from "../db/schema";
import type { Executor } from "../db/transaction";

/** Every rule version, oldest 施行日 first. */
export async function listRuleVersions(db: Executor): Promise<RuleVersionDto[]> {
  const rows = await db.selectFrom("attendance_rule_version").selectAll().orderBy("effective_from").execute();
  return rows.map(toRuleVersion);
}

export async function findRuleVersion(db: Executor, id: number): Promise<RuleVersionDto | undefined> {
  const row = await db
    .selectFrom("attendance_rule_version")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toRuleVersion(row);
}

export async function findRuleVersionIdByDate(
  db: Executor,
  effectiveFrom: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom("attendance_rule_version")
    .select("id")
    .where("effective_from", "=", effectiveFrom)
    .executeTakeFirst();
  return row?.id;
}

export async function insertRuleVersion(
  db: Executor,
  input: RuleVersionInput,
  createdBy: string,
  at: Date,
): Promise<number> {
  const { id } = await db
    .insertInto("attendance_rule_version")
    .values({
      effective_from: input.effectiveFrom,
      rules: JSON.stringify(input.rules),
      created_by: createdBy,
      created_at: at.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateRuleVersion(db: Executor, id: number, input: RuleVersionInput): Promise<void> {
  await db
    .updateTable("attendance_rule_version")
    .set({ effective_from: input.effectiveFrom, rules: JSON.stringify(input.rules) })
    .where("id", "=", id)
    .execute();
}

export async function deleteRuleVersion(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("attendance_rule_version").where("id", "=", id).execute();
}

function toRuleVersion(row: Selectable<AttendanceRuleVersionTable>): RuleVersionDto {
  return {
    id: row.id,
    effectiveFrom: row.effective_from,
    // Parsed, not trusted: a version written by an older release is checked against today's schema.
    rules: workRulesSchema.parse(JSON.parse(row.rules)),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
