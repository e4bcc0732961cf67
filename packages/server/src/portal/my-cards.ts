import { credentialKindSchema, credentialStatusSchema, type PortalCardDto } from "@tobira/protocol";
import type { Executor } from "../db/transaction";

const dayMs = 86_400_000;
/** A renewal takes an appointment at the town's counter; 90 days leaves time for it. */
const warnDays = 90;

/** My cards still in use (not revoked), with the end of each one's validity flagged when near. */
export async function listMyCards(db: Executor, staffId: number, now: Date): Promise<PortalCardDto[]> {
  const rows = await db
    .selectFrom("credential")
    .select(["id", "kind", "status", "valid_to"])
    .where("staff_id", "=", staffId)
    .where("status", "<>", "revoked")
    .orderBy("id")
    .execute();
  return rows.map((row) => {
    const daysLeft =
      row.valid_to === null ? null : Math.floor((Date.parse(row.valid_to) - now.getTime()) / dayMs);
    return {
      id: row.id,
      kind: credentialKindSchema.parse(row.kind),
      status: credentialStatusSchema.parse(row.status),
      validTo: row.valid_to,
      daysLeft,
      expiresSoon: daysLeft !== null && daysLeft < warnDays,
    };
  });
}
