import { createHash, createPublicKey, type KeyObject } from "node:crypto";

export interface ServerKey {
  publicKey: KeyObject;
  publicKeyPem: string;
  /** SHA-256 of the SPKI DER, hex: the form the server's agents page shows and config pins. */
  fingerprint: string;
}

/** Reads the server's snapshot key from SPKI PEM; null when it is not an Ed25519 public key. */
export function parseServerKey(publicKeyPem: string): ServerKey | null {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: publicKeyPem, format: "pem" });
  } catch {
    // node:crypto throws on PEM it cannot read; for the agent that is just a key it cannot use.
    return null;
  }
  if (publicKey.asymmetricKeyType !== "ed25519") return null;
  const fingerprint = createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
  return { publicKey, publicKeyPem, fingerprint };
}
