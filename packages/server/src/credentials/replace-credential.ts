import { toLocalDate } from "@tobira/core";
import type { EnrolledCredential, ReplacementInput } from "@tobira/protocol";
import { recordAccessChange } from "../access/record-access-change";
import type { CredentialRow } from "../db/schema";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { assertCardFree } from "./card-availability";
import { assertTransition } from "./change-credential-status";
import { describeCredentialForAudit } from "./credential-audit";
import {
  findCredentialRow,
  insertCredential,
  setReplacedBy,
  updateCredentialStatus,
} from "./credential-repository";
import { requireCurrentStaff } from "./current-staff";
import { loadCredential } from "./load-credential";
import { newCredentialRow } from "./new-credential-row";
import { proveCard } from "./prove-card";

async function findReplaceable(db: Executor, id: number): Promise<CredentialRow & { staff_id: number }> {
  const credential = await findCredentialRow(db, id);
  if (!credential) throw notFound(`Credential ${id}`);
  const { staff_id: staffId } = credential;
  if (staffId === null) {
    throw new AppError(
      "conflict",
      `Credential ${id} is a visitor's card: visitors return cards, they are not replaced.`,
    );
  }
  assertTransition(credential, "revoke");
  return { ...credential, staff_id: staffId };
}

/**
 * A lost or renewed card: the old credential is revoked and the new card enrolled to the same staff
 * member in one transaction, so the holder never has two cards or none.
 */
export async function replaceCredential(
  deps: Pick<Deps, "db" | "clock" | "config">,
  actor: string,
  id: number,
  input: ReplacementInput,
): Promise<EnrolledCredential> {
  const now = deps.clock.now();
  const old = await findReplaceable(deps.db, id);
  await requireCurrentStaff(deps.db, old.staff_id, toLocalDate(now), "staffId");
  const card = await proveCard(deps, actor, input);
  const newId = await deps.db.transaction().execute(async (trx) => {
    const current = await findReplaceable(trx, id);
    await assertCardFree(trx, card);
    await updateCredentialStatus(trx, id, {
      status: "revoked",
      reason: input.reason,
      at: now.toISOString(),
      by: actor,
    });
    const row = newCredentialRow(card, { staffId: current.staff_id }, actor, now);
    const credentialId = await insertCredential(trx, row);
    await setReplacedBy(trx, id, credentialId);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "credential.replaced",
        targetType: "credential",
        targetId: id,
        details: {
          ...describeCredentialForAudit(current),
          from: current.status,
          to: "revoked",
          reason: input.reason,
          replacedById: credentialId,
        },
      },
      now,
    );
    await recordAccessChange(
      trx,
      {
        actor,
        action: "credential.enrolled",
        targetType: "credential",
        targetId: credentialId,
        details: {
          ...describeCredentialForAudit({ ...row, id: credentialId }),
          validTo: card.validTo,
          replaces: id,
        },
      },
      now,
    );
    return credentialId;
  });
  return loadCredential(deps.db, newId);
}
