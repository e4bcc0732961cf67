import { createPublicKey, type KeyObject, verify } from "node:crypto";

// An Ed25519 SubjectPublicKeyInfo is this fixed header followed by the raw 32-byte key (RFC 8410).
const ed25519SpkiPrefix = Buffer.from("302a300506032b6570032100", "hex");

export interface AgentPublicKey {
  raw: Buffer;
  key: KeyObject;
}

/** The key an agent sent as raw base64, or null when it is not a usable Ed25519 public key. */
export function decodeAgentPublicKey(base64: string): AgentPublicKey | null {
  const raw = Buffer.from(base64, "base64");
  if (raw.length !== 32) return null;
  try {
    const key = createPublicKey({
      key: Buffer.concat([ed25519SpkiPrefix, raw]),
      format: "der",
      type: "spki",
    });
    return { raw, key };
  } catch {
    return null;
  }
}

/** Whether `signatureBase64` is the key's Ed25519 signature over the UTF-8 `message`. */
export function verifyAgentSignature(key: KeyObject, message: string, signatureBase64: string): boolean {
  const signature = Buffer.from(signatureBase64, "base64");
  if (signature.length !== 64) return false;
  try {
    return verify(null, Buffer.from(message, "utf8"), key, signature);
  } catch {
    return false;
  }
}
