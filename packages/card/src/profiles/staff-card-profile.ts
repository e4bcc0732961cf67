import { readStaffCardIdentity, selectStaffCard } from "../staff-card/index";
import type { CardProfile } from "./card-identity";

/** Tobira's own application in the card's free space: a card ID and a P-256 key; proof without a PIN. */
export const staffCardProfile: CardProfile = {
  kind: "staffCard",
  async identify(connection) {
    if (!(await selectStaffCard(connection))) return null;
    const identity = await readStaffCardIdentity(connection);
    return { kind: "staffCard", cardId: identity.cardId, publicKey: identity.publicKey };
  },
};
