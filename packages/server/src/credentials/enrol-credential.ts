import { toLocalDate } from "@tobira/core";
import type { EnrolledCredential, EnrolmentInput } from "@tobira/protocol";
import { recordAccessChange } from "../access/record-access-change";
import type { Deps } from "../deps";
import { assertCardFree } from "./card-availability";
import { describeCredentialForAudit } from "./credential-audit";
import { insertCredential } from "./credential-repository";
import { requireCurrentStaff } from "./current-staff";
import { loadCredential } from "./load-credential";
import { newCredentialRow } from "./new-credential-row";
import { proveCard } from "./prove-card";

/** Binds a card to a staff member, under an administrator's eye, after the card proved itself. */
export async function enrolCredential(
  deps: Pick<Deps, "db" | "clock" | "config">,
  actor: string,
  input: EnrolmentInput,
): Promise<EnrolledCredential> {
  const now = deps.clock.now();
  await requireCurrentStaff(deps.db, input.staffId, toLocalDate(now), "staffId");
  const card = await proveCard(deps, actor, input);
  const id = await deps.db.transaction().execute(async (trx) => {
    await assertCardFree(trx, card);
    const row = newCredentialRow(card, { staffId: input.staffId }, actor, now);
    const credentialId = await insertCredential(trx, row);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "credential.enrolled",
        targetType: "credential",
        targetId: credentialId,
        details: { ...describeCredentialForAudit({ ...row, id: credentialId }), validTo: card.validTo },
      },
      now,
    );
    return credentialId;
  });
  return loadCredential(deps.db, id);
}
