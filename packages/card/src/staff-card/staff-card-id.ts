import { randomBytes } from "node:crypto";
import { STAFF_CARD_ID_LENGTH } from "./staff-card-constants";

/** A fresh card ID for the enrolment desk: 16 random bytes, lowercase hex. */
export function createStaffCardId(): string {
  return randomBytes(STAFF_CARD_ID_LENGTH).toString("hex");
}

/** The bytes of a card ID given as hex; throws on anything but 16 bytes of hex. */
export function decodeStaffCardId(cardId: string): Uint8Array {
  if (!/^[0-9a-fA-F]{32}$/.test(cardId)) throw new RangeError("a staff card ID is 16 bytes of hex");
  return new Uint8Array(Buffer.from(cardId, "hex"));
}
