import { concatBytes } from "../apdu/bytes";
import { STAFF_CARD_AUTH_DOMAIN } from "./staff-card-constants";

/** What INTERNAL AUTHENTICATE signs: "TOBIRA-STAFFCARD-AUTH-v1" || card ID || challenge. */
export function buildStaffCardAuthMessage(cardId: Uint8Array, challenge: Uint8Array): Uint8Array {
  return concatBytes(STAFF_CARD_AUTH_DOMAIN, cardId, challenge);
}
