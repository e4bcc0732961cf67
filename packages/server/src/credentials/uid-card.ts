import { uidCredentialKey } from "@tobira/core";
import { AppError } from "../errors";
import type { ProvenCard } from "./proven-card";

/**
 * An IC card (FeliCa, MIFARE) by its UID: copyable, so the lowest assurance. A 4-byte UID starting
 * 08 is random per tap (ISO 14443-3), as is a My Number Card's, and names no card at all.
 */
export function describeUidCard(uid: string, path = "uid"): ProvenCard {
  const hex = uid.toLowerCase();
  if (hex.length === 8 && hex.startsWith("08")) {
    throw new AppError("validation_failed", `UID ${hex} is a random identifier that changes at every tap.`, [
      { path, message: "is a random UID (08…), which changes at every tap" },
    ]);
  }
  return {
    kind: "uid",
    key: uidCredentialKey(hex),
    jpkiIssuer: null,
    jpkiSerial: null,
    publicKey: null,
    validFrom: null,
    validTo: null,
  };
}
