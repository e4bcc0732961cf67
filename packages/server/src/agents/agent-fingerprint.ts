import { createHash } from "node:crypto";

/** SHA-256 of an agent's raw 32-byte public key, lowercase hex: what the store keeps. */
export function hashAgentKey(rawKey: Uint8Array): string {
  return createHash("sha256").update(rawKey).digest("hex");
}

/** Stored hex written the way people compare it: groups of four separated by single spaces. */
export function groupFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(" ") ?? hex;
}

/**
 * The fingerprint an administrator compares with the one the agent prints before approving it:
 * SHA-256 of the raw public key, lowercase hex, in 16 groups of four separated by single spaces.
 */
export function formatAgentFingerprint(rawKey: Uint8Array): string {
  return groupFingerprint(hashAgentKey(rawKey));
}
