import { DerError } from "./der-error";
import type { Tlv } from "./read-tlv";
import { Tag } from "./tags";

export interface BitString {
  /** Unused bits in the last byte (0–7). */
  unusedBits: number;
  bytes: Uint8Array;
}

export function readBitString(tlv: Tlv, what = "BIT STRING"): BitString {
  if (tlv.tag !== Tag.BIT_STRING) throw new DerError("unexpected_tag", `${what} is not a BIT STRING`);
  const unusedBits = tlv.value[0];
  if (unusedBits === undefined) throw new DerError("invalid_value", `${what} has no unused-bits octet`);
  const bytes = tlv.value.subarray(1);
  if (unusedBits > 7 || (bytes.length === 0 && unusedBits !== 0)) {
    throw new DerError("invalid_value", `${what} declares ${unusedBits} unused bits`);
  }
  const last = bytes[bytes.length - 1] ?? 0;
  if ((last & ((1 << unusedBits) - 1)) !== 0) {
    throw new DerError("invalid_value", `${what} has unused bits that are not zero`);
  }
  return { unusedBits, bytes };
}

/** A BIT STRING that holds whole bytes (keys, signatures). */
export function readBitStringBytes(tlv: Tlv, what = "BIT STRING"): Uint8Array {
  const { unusedBits, bytes } = readBitString(tlv, what);
  if (unusedBits !== 0) throw new DerError("invalid_value", `${what} does not hold whole bytes`);
  return bytes;
}
