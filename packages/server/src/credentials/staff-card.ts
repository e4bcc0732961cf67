import { createPublicKey } from "node:crypto";
import {
  algorithmForKey,
  buildStaffCardAuthMessage,
  decodeStaffCardId,
  SignatureError,
  verifySignature,
} from "@tobira/card";
import { staffCardCredentialKey } from "@tobira/core";
import { AppError } from "../errors";
import type { ProvenCard } from "./proven-card";

function importP256Key(publicKey: Uint8Array): Uint8Array | null {
  try {
    if (algorithmForKey(publicKey) !== "ecdsa-p256-sha256") return null;
    const key = createPublicKey({ key: Buffer.from(publicKey), format: "der", type: "spki" });
    return new Uint8Array(key.export({ type: "spki", format: "der" }));
  } catch (error) {
    // Bytes that are no key at all are as wrong as a key of another kind.
    if (error instanceof SignatureError) return null;
    throw error;
  }
}

/** The staff card's public key as canonical SubjectPublicKeyInfo DER; it must be P-256. */
export function readStaffCardPublicKey(publicKey: Uint8Array): Uint8Array {
  const der = importP256Key(publicKey);
  if (der === null) {
    throw new AppError(
      "validation_failed",
      "The staff card's public key is not a P-256 SubjectPublicKeyInfo.",
      [{ path: "publicKey", message: "must be a P-256 public key (SubjectPublicKeyInfo DER)" }],
    );
  }
  return der;
}

/**
 * The staff card's answer to INTERNAL AUTHENTICATE, checked as `authenticateStaffCard` checks it at a
 * door: ECDSA P-256 over the card application's message (domain, card ID, challenge), r || s.
 */
export function isStaffCardSignatureValid(proof: {
  cardId: string;
  publicKey: Uint8Array;
  challenge: Uint8Array;
  signature: Uint8Array;
}): boolean {
  return verifySignature({
    publicKey: proof.publicKey,
    algorithm: "ecdsa-p256-sha256",
    data: buildStaffCardAuthMessage(decodeStaffCardId(proof.cardId), proof.challenge),
    signature: proof.signature,
    signatureFormat: "raw",
  });
}

export function describeStaffCard(cardId: string, publicKey: Uint8Array): ProvenCard {
  return {
    kind: "staffCard",
    key: staffCardCredentialKey(cardId),
    jpkiIssuer: null,
    jpkiSerial: null,
    publicKey: Buffer.from(publicKey).toString("base64"),
    validFrom: null,
    validTo: null,
  };
}
