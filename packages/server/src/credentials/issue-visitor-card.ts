import { toLocalDate } from "@tobira/core";
import type { VisitorDto, VisitorInput } from "@tobira/protocol";
import { recordAccessChange } from "../access/record-access-change";
import type { Deps } from "../deps";
import { assertCardFree } from "./card-availability";
import { describeCredentialForAudit } from "./credential-audit";
import { insertCredential } from "./credential-repository";
import { requireCurrentStaff } from "./current-staff";
import { assertDoorsExist } from "./door-check";
import { loadVisitor } from "./load-visitor";
import { newCredentialRow } from "./new-credential-row";
import { describeUidCard } from "./uid-card";
import { resolveVisitorExpiry } from "./visitor-expiry";
import { insertVisitor, insertVisitorDoors } from "./visitor-repository";

/**
 * The duty officer (宿日直) hands a visitor or contractor an IC card for the day: the visitor is
 * recorded, the card's UID becomes a credential valid until the expiry, and it opens the doors given.
 */
export async function issueVisitorCard(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: string,
  input: VisitorInput,
): Promise<VisitorDto> {
  const now = clock.now();
  const expiresAt = resolveVisitorExpiry(now, input.expiresAt);
  await requireCurrentStaff(db, input.hostStaffId, toLocalDate(now), "hostStaffId");
  await assertDoorsExist(db, input.doorIds);
  const doorIds = [...new Set(input.doorIds)];
  const card = {
    ...describeUidCard(input.cardUid, "cardUid"),
    validFrom: now.toISOString(),
    validTo: expiresAt,
  };
  const visitorId = await db.transaction().execute(async (trx) => {
    await assertCardFree(trx, card, "cardUid");
    const id = await insertVisitor(trx, {
      name: input.name,
      organisation: input.organisation,
      purpose: input.purpose,
      hostStaffId: input.hostStaffId,
      issuedBy: actor,
      issuedAt: now.toISOString(),
      expiresAt,
    });
    await insertVisitorDoors(trx, id, doorIds);
    const row = newCredentialRow(card, { visitorId: id }, actor, now);
    const credentialId = await insertCredential(trx, row);
    // The visitor's name stays in the visitor book; the audit chain holds ids only.
    await recordAccessChange(
      trx,
      {
        actor,
        action: "visitor.issued",
        targetType: "visitor",
        targetId: id,
        details: {
          ...describeCredentialForAudit({ ...row, id: credentialId }),
          hostStaffId: input.hostStaffId,
          doorIds,
          expiresAt,
        },
      },
      now,
    );
    return id;
  });
  return loadVisitor(db, visitorId);
}
