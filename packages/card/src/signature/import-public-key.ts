import { createPublicKey, type KeyObject } from "node:crypto";
import { SignatureError } from "./signature-error";

/** A public KeyObject from a KeyObject (a private one gives its public half) or SPKI DER. */
export function importPublicKey(key: KeyObject | Uint8Array): KeyObject {
  if (key instanceof Uint8Array) {
    try {
      return createPublicKey({ key: Buffer.from(key), format: "der", type: "spki" });
    } catch {
      throw new SignatureError("invalid_public_key", "the public key is not valid SubjectPublicKeyInfo DER");
    }
  }
  if (key.type === "secret")
    throw new SignatureError("invalid_public_key", "a secret key cannot verify signatures");
  return key.type === "public" ? key : createPublicKey(key);
}
