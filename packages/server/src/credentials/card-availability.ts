import type { CredentialKind } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import { AppError } from "../errors";
import { findCredentialsByKey } from "./credential-repository";
import type { ProvenCard } from "./proven-card";

const cardField: Record<CredentialKind, string> = { jpki: "certificate", staffCard: "cardId", uid: "uid" };
const cardName: Record<CredentialKind, string> = {
  jpki: "This certificate",
  staffCard: "This staff card",
  uid: "This IC card",
};

/**
 * Refuses a card that is already someone's. A certificate or a staff card is enrolled once, ever (a
 * revoked one must not come back); an IC card's UID is free again once its credential is revoked, so
 * a visitor card can go out again the next day.
 */
export async function assertCardFree(
  db: Executor,
  card: ProvenCard,
  path: string = cardField[card.kind],
): Promise<void> {
  const holders = await findCredentialsByKey(db, card.key);
  const clash = card.kind === "uid" ? holders.find((row) => row.status !== "revoked") : holders[0];
  if (!clash) return;
  if (clash.visitor_id !== null) {
    throw new AppError(
      "conflict",
      `This IC card is still out with visitor ${clash.visitor_id} (credential ${clash.id}): take it back first.`,
      [{ path, message: "is still out with a visitor" }],
    );
  }
  throw new AppError(
    "conflict",
    `${cardName[card.kind]} is already enrolled (credential ${clash.id}, staff member ${clash.staff_id}, ${clash.status}).`,
    [{ path, message: "is already enrolled" }],
  );
}
