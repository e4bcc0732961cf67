import { DerError, encodeBitString, readBitString, type Tlv } from "../der/index";

/** KeyUsage bits in order (RFC 5280 4.2.1.3); bit 0 is the first. */
export const KEY_USAGES = [
  "digitalSignature",
  "nonRepudiation",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly",
] as const;

export type KeyUsage = (typeof KEY_USAGES)[number];

export function readKeyUsage(tlv: Tlv): KeyUsage[] {
  const { bytes } = readBitString(tlv, "keyUsage");
  return KEY_USAGES.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

/** A named bit string in DER: trailing zero bits dropped (X.690 11.2.2). */
export function encodeKeyUsage(usages: readonly KeyUsage[]): Uint8Array {
  const bits = usages.map((usage) => KEY_USAGES.indexOf(usage));
  if (bits.length === 0) throw new DerError("invalid_value", "keyUsage needs at least one bit");
  const highest = Math.max(...bits);
  const bytes = new Uint8Array((highest >> 3) + 1);
  for (const bit of bits) bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  return encodeBitString(bytes, 7 - (highest & 7));
}
