import { randomBytes } from "node:crypto";
import { exchange } from "../apdu/exchange";
import { CardStatusError, SW_OK } from "../apdu/status-words";
import { verifySignature } from "../signature/index";
import type { CardConnection } from "../transport/transport";
import {
  STAFF_CARD_CHALLENGE_LENGTH,
  STAFF_CARD_INS,
  STAFF_CARD_SIGNATURE_LENGTH,
} from "./staff-card-constants";
import { StaffCardError } from "./staff-card-error";
import { decodeStaffCardId } from "./staff-card-id";
import { buildStaffCardAuthMessage } from "./staff-card-message";

const NOT_ACTIVATED = 0x6985;

/** A fresh challenge for one authentication: 32 random bytes, never reused. */
export function createStaffCardChallenge(): Uint8Array {
  return new Uint8Array(randomBytes(32));
}

/**
 * Tap + proof: the selected staff card signs the reader's fresh challenge, and the signature must
 * verify under the public key enrolled for `cardId`. False means the card is not the enrolled one (or
 * a copy of its data on another card); a card that cannot answer at all throws.
 */
export async function authenticateStaffCard(
  connection: CardConnection,
  request: { cardId: string; challenge: Uint8Array; expectedPublicKey: Uint8Array },
): Promise<boolean> {
  const { challenge } = request;
  if (
    challenge.length < STAFF_CARD_CHALLENGE_LENGTH.min ||
    challenge.length > STAFF_CARD_CHALLENGE_LENGTH.max
  ) {
    throw new RangeError(
      `a challenge is ${STAFF_CARD_CHALLENGE_LENGTH.min}–${STAFF_CARD_CHALLENGE_LENGTH.max} bytes`,
    );
  }
  const cardId = decodeStaffCardId(request.cardId);
  const response = await exchange(connection, {
    cla: 0x00,
    ins: STAFF_CARD_INS.internalAuthenticate,
    p1: 0x00,
    p2: 0x00,
    data: challenge,
    le: 256,
  });
  if (response.sw === NOT_ACTIVATED) {
    throw new StaffCardError("not_personalised", "the staff card's personalisation is not finished");
  }
  if (response.sw !== SW_OK) throw new CardStatusError("INTERNAL AUTHENTICATE", response.sw);
  if (response.data.length !== STAFF_CARD_SIGNATURE_LENGTH) return false;
  return verifySignature({
    publicKey: request.expectedPublicKey,
    algorithm: "ecdsa-p256-sha256",
    data: buildStaffCardAuthMessage(cardId, challenge),
    signature: response.data,
    signatureFormat: "raw",
  });
}
