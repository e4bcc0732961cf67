import type { MembershipDto, MembershipEnd, MembershipInput } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { conflictingField, invalidField } from "./field-errors";
import { findGroup } from "./group-repository";
import {
  findMembership,
  insertMembership,
  listStaffMemberships,
  setMembershipEnd,
} from "./membership-repository";
import { recordAccessChange } from "./record-access-change";
import { findStaffBrief } from "./staff-lookup";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

export async function addMembership(
  { db, clock }: UseCaseDeps,
  actor: string,
  groupId: number,
  input: MembershipInput,
): Promise<MembershipDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    if (!(await findGroup(trx, groupId))) throw notFound("The access group");
    if (!(await findStaffBrief(trx, input.staffId)))
      throw invalidField("staffId", "is not an existing staff member");
    await checkOverlap(
      trx,
      groupId,
      input.staffId,
      { validFrom: input.validFrom, validTo: input.validTo },
      null,
    );
    const id = await insertMembership(trx, groupId, input);
    const after = await requireMembership(trx, id);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "access.membershipAdded",
        targetType: "accessGroup",
        targetId: groupId,
        details: { after },
      },
      now,
    );
    return after;
  });
}

/** Ends a membership on `validTo` (inclusive): the last day the staff member holds the group's rights. */
export async function endMembership(
  { db, clock }: UseCaseDeps,
  actor: string,
  groupId: number,
  membershipId: number,
  input: MembershipEnd,
): Promise<MembershipDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const before = await findMembership(trx, membershipId);
    if (!before || before.groupId !== groupId) throw notFound("The membership");
    if (input.validTo < before.validFrom) {
      throw invalidField("validTo", `must not be before the membership's start (${before.validFrom})`);
    }
    await checkOverlap(
      trx,
      groupId,
      before.staffId,
      { validFrom: before.validFrom, validTo: input.validTo },
      membershipId,
    );
    await setMembershipEnd(trx, membershipId, input.validTo);
    const after = await requireMembership(trx, membershipId);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "access.membershipEnded",
        targetType: "accessGroup",
        targetId: groupId,
        details: { before, after },
      },
      now,
    );
    return after;
  });
}

async function checkOverlap(
  db: Executor,
  groupId: number,
  staffId: number,
  period: { validFrom: string; validTo: string | null },
  selfId: number | null,
): Promise<void> {
  const others = (await listStaffMemberships(db, groupId, staffId)).filter((m) => m.id !== selfId);
  const clash = others.find(
    (m) =>
      (m.validTo === null || m.validTo >= period.validFrom) &&
      (period.validTo === null || m.validFrom <= period.validTo),
  );
  if (clash) {
    const until = clash.validTo ?? "open-ended";
    throw conflictingField(
      selfId === null ? "validFrom" : "validTo",
      `overlaps the staff member's membership of this group from ${clash.validFrom} to ${until}`,
    );
  }
}

async function requireMembership(db: Executor, id: number): Promise<MembershipDto> {
  const membership = await findMembership(db, id);
  if (!membership) throw new Error(`membership ${id} vanished inside its own transaction`);
  return membership;
}
