import type { NewCredentialRow } from "../db/schema";
import type { ProvenCard } from "./proven-card";

export type CredentialHolder = { staffId: number } | { visitorId: number };

/** The row that binds a proven card to its holder, active from now. */
export function newCredentialRow(
  card: ProvenCard,
  holder: CredentialHolder,
  enrolledBy: string,
  at: Date,
): NewCredentialRow {
  return {
    staff_id: "staffId" in holder ? holder.staffId : null,
    visitor_id: "visitorId" in holder ? holder.visitorId : null,
    kind: card.kind,
    key: card.key,
    jpki_issuer: card.jpkiIssuer,
    jpki_serial: card.jpkiSerial,
    public_key: card.publicKey,
    valid_from: card.validFrom,
    valid_to: card.validTo,
    status: "active",
    enrolled_by: enrolledBy,
    enrolled_at: at.toISOString(),
  };
}
