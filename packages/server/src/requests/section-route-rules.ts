import { defaultSectionRouteRules, requestKinds, type SectionRouteRules } from "@tobira/core";
import type { sectionRouteRulesSchema } from "@tobira/protocol";
import type { z } from "zod";
import { appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { findDepartment } from "../org/department-repository";

export type SectionRouteRulesDto = z.infer<typeof sectionRouteRulesSchema>;

/** A section's approval routes; a section nobody configured has the section head alone. */
export async function readSectionRouteRules(db: Executor, departmentId: number): Promise<SectionRouteRules> {
  const row = await db
    .selectFrom("section_route_rule")
    .select("rules")
    .where("department_id", "=", departmentId)
    .executeTakeFirst();
  if (!row) return defaultSectionRouteRules;
  // Written only by saveSectionRouteRules, from the validated API shape.
  const rules: SectionRouteRules = JSON.parse(row.rules);
  return rules;
}

export async function readSectionRouteRulesOf(
  { db }: Pick<Deps, "db">,
  departmentId: number,
): Promise<SectionRouteRulesDto> {
  if (!(await findDepartment(db, departmentId))) throw notFound(`Department ${departmentId}`);
  return toDto(await readSectionRouteRules(db, departmentId));
}

/** HR sets a section's routes (e.g. leave to HR too in a small town); the change is audited. */
export async function saveSectionRouteRules(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: string,
  departmentId: number,
  input: SectionRouteRulesDto,
): Promise<SectionRouteRulesDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    if (!(await findDepartment(trx, departmentId))) throw notFound(`Department ${departmentId}`);
    const before = toDto(await readSectionRouteRules(trx, departmentId));
    const rules: SectionRouteRules = {
      hrForOvertimeFromMinutes: input.hrForOvertimeFromMinutes,
      hrForHolidayWork: input.hrForHolidayWork,
      ...(input.routes === undefined ? {} : { routes: input.routes }),
    };
    const values = { rules: JSON.stringify(rules), updated_by: actor, updated_at: now.toISOString() };
    const updated = await trx
      .updateTable("section_route_rule")
      .set(values)
      .where("department_id", "=", departmentId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) {
      await trx
        .insertInto("section_route_rule")
        .values({ department_id: departmentId, ...values })
        .execute();
    }
    const after = toDto(rules);
    await appendAudit(
      trx,
      {
        actor,
        action: "request.routeRulesChanged",
        targetType: "department",
        targetId: departmentId,
        details: { before, after },
      },
      now,
    );
    return after;
  });
}

function toDto(rules: SectionRouteRules): SectionRouteRulesDto {
  return {
    hrForOvertimeFromMinutes: rules.hrForOvertimeFromMinutes,
    hrForHolidayWork: rules.hrForHolidayWork,
    ...(rules.routes === undefined ? {} : { routes: copyRoutes(rules.routes) }),
  };
}

function copyRoutes(
  routes: NonNullable<SectionRouteRules["routes"]>,
): NonNullable<SectionRouteRulesDto["routes"]> {
  const copy: NonNullable<SectionRouteRulesDto["routes"]> = {};
  for (const kind of requestKinds) {
    const steps = routes[kind];
    if (steps !== undefined) copy[kind] = [...steps];
  }
  return copy;
}
