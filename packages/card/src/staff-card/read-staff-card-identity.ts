import type { CardConnection } from "../transport/transport";
import { getStaffCardData } from "./get-staff-card-data";
import { convertP256PointToSpki } from "./p256-point";
import { STAFF_CARD_ID_LENGTH, STAFF_CARD_PUBLIC_KEY_LENGTH } from "./staff-card-constants";
import { StaffCardError } from "./staff-card-error";

export interface StaffCardIdentity {
  /** 16 bytes as lowercase hex. */
  cardId: string;
  /** The card's P-256 public key as SubjectPublicKeyInfo DER. */
  publicKey: Uint8Array;
}

/** The card ID of a selected staff-card application (one GET DATA): all a door needs before the proof. */
export async function readStaffCardId(connection: CardConnection): Promise<string> {
  const cardId = await getStaffCardData(connection, "cardId", STAFF_CARD_ID_LENGTH);
  return Buffer.from(cardId).toString("hex");
}

/**
 * Reads the card ID and public key (two GET DATA) from a selected staff-card application. This says
 * which card was shown; only `authenticateStaffCard` proves it is that card.
 */
export async function readStaffCardIdentity(connection: CardConnection): Promise<StaffCardIdentity> {
  const cardId = await readStaffCardId(connection);
  const point = await getStaffCardData(connection, "publicKey", STAFF_CARD_PUBLIC_KEY_LENGTH);
  let publicKey: Uint8Array;
  try {
    publicKey = convertP256PointToSpki(point);
  } catch {
    throw new StaffCardError("malformed_response", "the staff card's public key is not a P-256 point");
  }
  return { cardId, publicKey };
}
