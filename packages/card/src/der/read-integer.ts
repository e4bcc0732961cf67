import { DerError } from "./der-error";
import type { Tlv } from "./read-tlv";
import { Tag } from "./tags";

/** The content octets of an INTEGER (two's complement, minimal), checked for DER form. */
export function readIntegerBytes(tlv: Tlv, what = "INTEGER"): Uint8Array {
  if (tlv.tag !== Tag.INTEGER) throw new DerError("unexpected_tag", `${what} is not an INTEGER`);
  const [first, second] = tlv.value;
  if (first === undefined) throw new DerError("invalid_value", `${what} is empty`);
  if (second !== undefined) {
    // A leading 00 before a byte below 0x80, or FF before one at or above it, is padding DER forbids.
    if ((first === 0x00 && second < 0x80) || (first === 0xff && second >= 0x80)) {
      throw new DerError("invalid_value", `${what} is not minimally encoded`);
    }
  }
  return tlv.value;
}

export function readInteger(tlv: Tlv, what = "INTEGER"): bigint {
  const bytes = readIntegerBytes(tlv, what);
  const value = BigInt(`0x${Buffer.from(bytes).toString("hex")}`);
  const negative = (bytes[0] ?? 0) >= 0x80;
  return negative ? value - (1n << BigInt(bytes.length * 8)) : value;
}

/** A small non-negative INTEGER (versions, path lengths) as a number. */
export function readSmallInteger(tlv: Tlv, what = "INTEGER", max = 0xffff): number {
  const value = readInteger(tlv, what);
  if (value < 0n || value > BigInt(max)) {
    throw new DerError("invalid_value", `${what} ${value} is outside 0–${max}`);
  }
  return Number(value);
}

/**
 * A non-negative INTEGER as lowercase hex without sign padding: serial numbers as people quote them.
 * Negative values are refused (RFC 5280 wants positive serials), since -128 and 128 would read alike.
 */
export function readIntegerHex(tlv: Tlv, what = "INTEGER"): string {
  const bytes = readIntegerBytes(tlv, what);
  if ((bytes[0] ?? 0) >= 0x80) throw new DerError("invalid_value", `${what} is negative`);
  const unpadded = bytes.length > 1 && bytes[0] === 0 ? bytes.subarray(1) : bytes;
  return Buffer.from(unpadded).toString("hex");
}
