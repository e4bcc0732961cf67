import { CardStatusError } from "../apdu/status-words";
import { readStaffCardIdentity, selectStaffCard } from "../staff-card/index";
import type { CardProfile } from "./card-identity";

/** Tobira's own application in the card's free space: a card ID and a P-256 key; proof without a PIN. */
export const staffCardProfile: CardProfile = {
  kind: "staffCard",
  async identify(connection) {
    const selected = await selectStaffCard(connection).catch((error: unknown) => {
      if (error instanceof CardStatusError) return false;
      throw error;
    });
    if (!selected) return null;
    const identity = await readStaffCardIdentity(connection);
    return { kind: "staffCard", cardId: identity.cardId, publicKey: identity.publicKey };
  },
};
