import type { MembershipDto, MembershipInput } from "@tobira/protocol";
import type { Executor } from "../db/transaction";

function baseQuery(db: Executor) {
  return db
    .selectFrom("access_membership as m")
    .innerJoin("staff as s", "s.id", "m.staff_id")
    .select([
      "m.id",
      "m.group_id",
      "m.staff_id",
      "m.valid_from",
      "m.valid_to",
      "s.staff_number",
      "s.family_name",
      "s.given_name",
    ]);
}

type MembershipRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

function toMembership(row: MembershipRow): MembershipDto {
  return {
    id: row.id,
    groupId: row.group_id,
    staffId: row.staff_id,
    staffNumber: row.staff_number,
    staffName: `${row.family_name} ${row.given_name}`,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** The group's memberships (only those valid on `asOf` when given), by staff number. */
export async function listMemberships(
  db: Executor,
  groupId: number,
  asOf?: string,
): Promise<MembershipDto[]> {
  let query = baseQuery(db)
    .where("m.group_id", "=", groupId)
    .orderBy("s.staff_number")
    .orderBy("m.valid_from");
  if (asOf) {
    query = query
      .where("m.valid_from", "<=", asOf)
      .where((eb) => eb.or([eb("m.valid_to", "is", null), eb("m.valid_to", ">=", asOf)]));
  }
  return (await query.execute()).map(toMembership);
}

export async function findMembership(db: Executor, id: number): Promise<MembershipDto | undefined> {
  const row = await baseQuery(db).where("m.id", "=", id).executeTakeFirst();
  return row ? toMembership(row) : undefined;
}

/** The staff member's memberships of the group, for the overlap check. */
export async function listStaffMemberships(
  db: Executor,
  groupId: number,
  staffId: number,
): Promise<MembershipDto[]> {
  const rows = await baseQuery(db)
    .where("m.group_id", "=", groupId)
    .where("m.staff_id", "=", staffId)
    .execute();
  return rows.map(toMembership);
}

export async function insertMembership(
  db: Executor,
  groupId: number,
  input: MembershipInput,
): Promise<number> {
  const { id } = await db
    .insertInto("access_membership")
    .values({
      group_id: groupId,
      staff_id: input.staffId,
      valid_from: input.validFrom,
      valid_to: input.validTo,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function setMembershipEnd(db: Executor, id: number, validTo: string): Promise<void> {
  await db.updateTable("access_membership").set({ valid_to: validTo }).where("id", "=", id).execute();
}
