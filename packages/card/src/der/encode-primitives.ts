import { concatBytes } from "./concat-bytes";
import { DerError } from "./der-error";
import { encodeTlv } from "./encode-tlv";
import { Tag } from "./tags";

export function encodeBoolean(value: boolean): Uint8Array {
  return encodeTlv(Tag.BOOLEAN, Uint8Array.of(value ? 0xff : 0x00));
}

export function encodeNull(): Uint8Array {
  return encodeTlv(Tag.NULL, new Uint8Array(0));
}

export function encodeOctetString(bytes: Uint8Array): Uint8Array {
  return encodeTlv(Tag.OCTET_STRING, bytes);
}

/** A BIT STRING; the unused low bits of the last byte must already be zero. */
export function encodeBitString(bytes: Uint8Array, unusedBits = 0): Uint8Array {
  if (!Number.isInteger(unusedBits) || unusedBits < 0 || unusedBits > 7) {
    throw new DerError("invalid_value", `unused bits must be 0–7, got ${unusedBits}`);
  }
  const last = bytes[bytes.length - 1];
  if (last === undefined ? unusedBits !== 0 : (last & ((1 << unusedBits) - 1)) !== 0) {
    throw new DerError("invalid_value", "the unused bits of a BIT STRING must be zero");
  }
  return encodeTlv(Tag.BIT_STRING, concatBytes([Uint8Array.of(unusedBits), bytes]));
}
