import type { Holder } from "@tobira/core";
import { assuranceLevelSchema } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import { staffHolderId } from "./holder-ids";
import { listStaffBriefs, type StaffBrief } from "./staff-lookup";

/**
 * Staff as the snapshot's holders at `at`: memberships that have not ended by `today`, clipped to the
 * staff member's employment, and approved grants that have not ended. Ordered by staff id.
 */
export async function compileStaffHolders(db: Executor, at: Date, today: string): Promise<Holder[]> {
  const memberships = await db
    .selectFrom("access_membership")
    .select(["group_id", "staff_id", "valid_from", "valid_to"])
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", today)]))
    .orderBy("staff_id")
    .orderBy("group_id")
    .orderBy("valid_from")
    .execute();
  // Only approved grants reach readers, and only until they end.
  const grants = await db
    .selectFrom("access_grant")
    .select(["staff_id", "door_id", "valid_from", "valid_to", "minimum_assurance"])
    .where("state", "=", "approved")
    .where("staff_id", "is not", null)
    .where("valid_to", ">", at.toISOString())
    .orderBy("staff_id")
    .orderBy("valid_from")
    .execute()
    .then((rows) =>
      rows.flatMap(({ staff_id, ...rest }) => (staff_id === null ? [] : [{ staff_id, ...rest }])),
    );
  const staffIds = [...new Set([...memberships.map((m) => m.staff_id), ...grants.map((g) => g.staff_id)])];
  const staff = new Map((await listStaffBriefs(db, staffIds)).map((s) => [s.id, s]));
  const holders = new Map<number, Holder>();
  const holderOf = (staffId: number): Holder => {
    let holder = holders.get(staffId);
    if (!holder) {
      holder = { id: staffHolderId(staffId), groups: [], grants: [] };
      holders.set(staffId, holder);
    }
    return holder;
  };
  for (const m of memberships) {
    const person = staff.get(m.staff_id);
    const period = person && clipToEmployment(person, m.valid_from, m.valid_to);
    if (!period || (period.to !== null && period.to < today)) continue;
    holderOf(m.staff_id).groups.push({ groupId: String(m.group_id), ...period });
  }
  for (const g of grants) {
    const person = staff.get(g.staff_id);
    if (!person || (person.endDate !== null && person.endDate < today)) continue;
    const minimumAssurance = assuranceLevelSchema.parse(g.minimum_assurance);
    holderOf(g.staff_id).grants.push({
      doorId: String(g.door_id),
      from: g.valid_from,
      to: g.valid_to,
      minimumAssurance,
    });
  }
  return [...holders.entries()].sort(([a], [b]) => a - b).map(([, holder]) => holder);
}

/** A membership never reaches beyond the staff member's employment (採用日 to 退職日). */
function clipToEmployment(
  person: StaffBrief,
  from: string,
  to: string | null,
): { from: string; to: string | null } | null {
  const start = from < person.startDate ? person.startDate : from;
  const end = person.endDate !== null && (to === null || person.endDate < to) ? person.endDate : to;
  return end !== null && end < start ? null : { from: start, to: end };
}
