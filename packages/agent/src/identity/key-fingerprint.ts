import { createHash } from "node:crypto";

/** SHA-256 of a raw public key, lowercase hex in groups of four: what the administrator compares. */
export function formatKeyFingerprint(rawPublicKey: Uint8Array): string {
  const hex = createHash("sha256").update(rawPublicKey).digest("hex");
  return hex.match(/.{4}/g)?.join(" ") ?? hex;
}
