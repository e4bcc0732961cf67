import type { GrantDto, GrantInput, SessionUser } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import { findVisitorRow } from "../credentials/visitor-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { findDoor } from "./door-repository";
import { conflictingField, invalidField } from "./field-errors";
import { decideGrant, findGrant, insertGrant } from "./grant-repository";
import { recordAccessChange } from "./record-access-change";
import { findStaffBrief } from "./staff-lookup";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

/**
 * A temporary grant starts pending: nothing reaches a reader until a second person approves it. A
 * pending request changes no snapshot, so it is audited without moving the access version.
 */
export async function requestGrant(
  { db, clock }: UseCaseDeps,
  actor: string,
  input: GrantInput,
): Promise<GrantDto> {
  const now = clock.now();
  if (Date.parse(input.to) <= now.getTime()) throw invalidField("to", "must be in the future");
  return db.transaction().execute(async (trx) => {
    if (input.staffId !== null && !(await findStaffBrief(trx, input.staffId)))
      throw invalidField("staffId", "is not an existing staff member");
    if (input.visitorId !== null) {
      const visitor = await findVisitorRow(trx, input.visitorId);
      if (!visitor) throw invalidField("visitorId", "is not an existing visitor");
      if (visitor.returned_at !== null)
        throw invalidField("visitorId", "has returned the visitor card; issue a new card first");
      if (input.minimumAssurance !== "tap")
        throw invalidField(
          "minimumAssurance",
          "must be tap for a visitor (a visitor card can only be tapped)",
        );
    }
    if (!(await findDoor(trx, input.doorId))) throw invalidField("doorId", "is not an existing door");
    const id = await insertGrant(trx, input, actor, now);
    const grant = await requireGrant(trx, id, now);
    await appendAudit(
      trx,
      {
        actor,
        action: "access.grantRequested",
        targetType: "grant",
        targetId: id,
        details: { after: grant },
      },
      now,
    );
    return grant;
  });
}

/** 四眼原則: the approver is neither the one who asked nor the one who gets in. */
export async function approveGrant(
  { db, clock }: UseCaseDeps,
  approver: SessionUser,
  id: number,
  comment: string | null,
): Promise<GrantDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const before = await loadPending(trx, id, now);
    if (before.requestedBy === approver.loginId) {
      throw new AppError(
        "forbidden",
        "You requested this grant; another approver must approve it (four-eyes rule).",
      );
    }
    if (approver.staffId !== null && approver.staffId === before.staffId) {
      throw new AppError(
        "forbidden",
        "This grant is for you; another approver must approve it (four-eyes rule).",
      );
    }
    if (before.expired) throw conflictingField("to", "has passed; the grant can no longer be approved");
    if (!(await decideGrant(trx, id, { state: "approved", decidedBy: approver.loginId, comment }, now))) {
      throw conflictingField("state", "was decided by someone else a moment ago");
    }
    const after = await requireGrant(trx, id, now);
    await recordAccessChange(
      trx,
      {
        actor: approver.loginId,
        action: "access.grantApproved",
        targetType: "grant",
        targetId: id,
        details: { before, after },
      },
      now,
    );
    return after;
  });
}

/** Denying only keeps someone out, so the requester may withdraw their own request this way. */
export async function denyGrant(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
  comment: string,
): Promise<GrantDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const before = await loadPending(trx, id, now);
    if (!(await decideGrant(trx, id, { state: "denied", decidedBy: actor, comment }, now))) {
      throw conflictingField("state", "was decided by someone else a moment ago");
    }
    const after = await requireGrant(trx, id, now);
    await appendAudit(
      trx,
      { actor, action: "access.grantDenied", targetType: "grant", targetId: id, details: { before, after } },
      now,
    );
    return after;
  });
}

async function loadPending(db: Executor, id: number, now: Date): Promise<GrantDto> {
  const grant = await findGrant(db, id, now);
  if (!grant) throw notFound("The grant");
  if (grant.state !== "pending") throw conflictingField("state", `is already ${grant.state}`);
  return grant;
}

async function requireGrant(db: Executor, id: number, now: Date): Promise<GrantDto> {
  const grant = await findGrant(db, id, now);
  if (!grant) throw new Error(`grant ${id} vanished inside its own transaction`);
  return grant;
}
