import type { CredentialKind } from "@tobira/protocol";
import { recordAccessChange } from "../access/record-access-change";
import { describeCredentialForAudit } from "../credentials/credential-audit";
import { insertCredential } from "../credentials/credential-repository";
import { newCredentialRow } from "../credentials/new-credential-row";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";

/** A demo card as the demo's virtual readers hold it, and who in the demo town should own it. */
export interface DemoCardBinding {
  name: string;
  kind: CredentialKind;
  holder: "serverAdmin" | "serverAdminGuarded" | "archiveUser" | "archiveStaffCard" | "staff" | null;
  credentialKey: string;
  publicKey: string | null;
  validFrom: string | null;
  validTo: string | null;
  jpkiIssuer: string | null;
  jpkiSerial: string | null;
}

/** Which section each demo holder is taken from, and which member of it (0 = first by staff id). */
const holderPlaces: Record<NonNullable<DemoCardBinding["holder"]>, { unit: string; nth: number }> = {
  serverAdmin: { unit: "情報政策係", nth: 0 },
  serverAdminGuarded: { unit: "情報政策係", nth: 1 },
  archiveUser: { unit: "人事係", nth: 0 },
  archiveStaffCard: { unit: "庶務係", nth: 0 },
  staff: { unit: "戸籍住民係", nth: 0 },
};

async function findDemoHolder(trx: Executor, unit: string, nth: number): Promise<number | undefined> {
  const rows = await trx
    .selectFrom("staff_assignment")
    .innerJoin("department", "department.id", "staff_assignment.department_id")
    .select("staff_assignment.staff_id")
    .where("department.name", "=", unit)
    .where("staff_assignment.valid_to", "is", null)
    .orderBy("staff_assignment.staff_id")
    .limit(nth + 1)
    .execute();
  return rows[nth]?.staff_id;
}

/**
 * Binds the demo's virtual cards to people of the demo town, once: a card already bound is left as it
 * is. The cards are made by the demo itself, so they are bound directly (audited as the demo), not
 * through an enrolment station.
 */
export async function bindDemoCards(
  deps: Pick<Deps, "db" | "clock">,
  cards: readonly DemoCardBinding[],
): Promise<Map<string, number>> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const holders = new Map<string, number>();
    for (const card of cards) {
      if (card.holder === null) continue;
      const place = holderPlaces[card.holder];
      const staffId = await findDemoHolder(trx, place.unit, place.nth);
      if (staffId === undefined) continue;
      holders.set(card.name, staffId);
      const bound = await trx
        .selectFrom("credential")
        .select("id")
        .where("key", "=", card.credentialKey)
        .executeTakeFirst();
      if (bound) continue;
      const row = newCredentialRow({ ...card, key: card.credentialKey }, { staffId }, "demo", now);
      const credentialId = await insertCredential(trx, row);
      await recordAccessChange(
        trx,
        {
          actor: "demo",
          action: "credential.enrolled",
          targetType: "credential",
          targetId: credentialId,
          details: describeCredentialForAudit({ ...row, id: credentialId }),
        },
        now,
      );
    }
    return holders;
  });
}
