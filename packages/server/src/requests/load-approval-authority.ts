import {
  type ApprovalAuthority,
  type ApproverRow,
  createApprovalAuthority,
  type LocalDate,
  type ProxyRow,
} from "@tobira/core";
import type { Executor } from "../db/transaction";
import { toPersonId } from "./request-people";

/** The authority for some sections on a day, with the rows it was built from (inboxes read them). */
export interface LoadedAuthority {
  authority: ApprovalAuthority;
  approvers: ApproverRow[];
  proxies: ProxyRow[];
}

/**
 * Who decides for these sections today. 所属長: whoever holds a section-head position in the section on
 * `today`, or — where the section has none — in the nearest section above that has one. HR: every staff
 * member whose account has the hr role, for every section. 代決者: proxies whose dates include `today`,
 * for each step their approver holds.
 */
export async function loadApprovalAuthority(
  db: Executor,
  today: LocalDate,
  departmentIds: readonly number[],
): Promise<LoadedAuthority> {
  const wanted = [...new Set(departmentIds)];
  if (wanted.length === 0) return { authority: createApprovalAuthority([]), approvers: [], proxies: [] };
  const [departments, heads, hrStaff, proxyRows] = await Promise.all([
    db.selectFrom("department").select(["id", "parent_id"]).execute(),
    listSectionHeads(db, today),
    listHrStaff(db),
    db
      .selectFrom("approval_proxy")
      .select(["approver_staff_id", "proxy_staff_id"])
      .where("valid_from", "<=", today)
      .where("valid_to", ">=", today)
      .execute(),
  ]);
  const parentOf = new Map(departments.map((department) => [department.id, department.parent_id]));
  const approvers: ApproverRow[] = [];
  for (const departmentId of wanted) {
    const section = String(departmentId);
    for (const staffId of findNearestHeads(departmentId, heads, parentOf)) {
      approvers.push({ personId: toPersonId(staffId), step: "sectionHead", departmentId: section });
    }
    for (const staffId of hrStaff) {
      approvers.push({ personId: toPersonId(staffId), step: "hr", departmentId: section });
    }
  }
  const proxies: ProxyRow[] = [];
  for (const row of proxyRows) {
    const approverId = toPersonId(row.approver_staff_id);
    for (const held of approvers.filter((approver) => approver.personId === approverId)) {
      proxies.push({
        proxyId: toPersonId(row.proxy_staff_id),
        approverId,
        step: held.step,
        departmentId: held.departmentId,
      });
    }
  }
  return { authority: createApprovalAuthority(approvers, proxies), approvers, proxies };
}

async function listSectionHeads(db: Executor, today: LocalDate): Promise<Map<number, number[]>> {
  const rows = await db
    .selectFrom("staff_assignment as sa")
    .innerJoin("position as p", "p.id", "sa.position_id")
    .innerJoin("staff as s", "s.id", "sa.staff_id")
    .select(["sa.staff_id", "sa.department_id"])
    .where("p.is_section_head", "=", 1)
    .where("sa.valid_from", "<=", today)
    .where((eb) => eb.or([eb("sa.valid_to", "is", null), eb("sa.valid_to", ">=", today)]))
    .where((eb) => eb.or([eb("s.end_date", "is", null), eb("s.end_date", ">=", today)]))
    .orderBy("sa.staff_id")
    .execute();
  const heads = new Map<number, number[]>();
  for (const row of rows)
    heads.set(row.department_id, [...(heads.get(row.department_id) ?? []), row.staff_id]);
  return heads;
}

async function listHrStaff(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom("app_user as u")
    .innerJoin("user_role as r", "r.user_id", "u.id")
    .select("u.staff_id")
    .where("r.role", "=", "hr")
    .where("u.staff_id", "is not", null)
    .execute();
  return [...new Set(rows.flatMap((row) => (row.staff_id === null ? [] : [row.staff_id])))];
}

function findNearestHeads(
  departmentId: number,
  heads: ReadonlyMap<number, readonly number[]>,
  parentOf: ReadonlyMap<number, number | null>,
): readonly number[] {
  const seen = new Set<number>();
  let current: number | null = departmentId;
  while (current !== null && !seen.has(current)) {
    const found = heads.get(current);
    if (found !== undefined && found.length > 0) return found;
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return [];
}
