import { createHash } from "node:crypto";

// DigestInfo ::= SEQUENCE { AlgorithmIdentifier { hash OID, NULL }, OCTET STRING digest } (RFC 8017 9.2).
const PREFIXES = {
  sha256: Buffer.from("3031300d060960864801650304020105000420", "hex"),
  sha384: Buffer.from("3041300d060960864801650304020205000430", "hex"),
} as const;

/** DigestInfo around an already computed hash. */
export function wrapDigestInfo(hash: "sha256" | "sha384", digest: Uint8Array): Uint8Array {
  const expected = hash === "sha256" ? 32 : 48;
  if (digest.length !== expected)
    throw new RangeError(`a ${hash} digest is ${expected} bytes, got ${digest.length}`);
  return new Uint8Array(Buffer.concat([PREFIXES[hash], digest]));
}

/**
 * The DER DigestInfo of `message`, what the JPKI card's SIGN command takes (SHA-256: 19-byte prefix
 * and 32-byte hash, 51 bytes); the card adds the PKCS#1 v1.5 type-1 padding itself.
 */
export function digestInfo(hash: "sha256" | "sha384", message: Uint8Array): Uint8Array {
  return wrapDigestInfo(hash, createHash(hash).update(message).digest());
}
