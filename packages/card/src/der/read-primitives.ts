import { DerError } from "./der-error";
import type { Tlv } from "./read-tlv";
import { Tag } from "./tags";

export function readBoolean(tlv: Tlv, what = "BOOLEAN"): boolean {
  if (tlv.tag !== Tag.BOOLEAN) throw new DerError("unexpected_tag", `${what} is not a BOOLEAN`);
  const [value, extra] = tlv.value;
  // DER allows only 00 and FF.
  if (extra !== undefined || (value !== 0x00 && value !== 0xff)) {
    throw new DerError("invalid_value", `${what} is not 00 or FF`);
  }
  return value === 0xff;
}

export function readNull(tlv: Tlv, what = "NULL"): null {
  if (tlv.tag !== Tag.NULL || tlv.length !== 0) throw new DerError("invalid_value", `${what} is not NULL`);
  return null;
}

export function readOctetString(tlv: Tlv, what = "OCTET STRING"): Uint8Array {
  if (tlv.tag !== Tag.OCTET_STRING) throw new DerError("unexpected_tag", `${what} is not an OCTET STRING`);
  return tlv.value;
}
