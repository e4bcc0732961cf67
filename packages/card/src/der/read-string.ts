import { DerError } from "./der-error";
import type { Tlv } from "./read-tlv";
import { describeTag, Tag } from "./tags";

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;
const NUMERIC = /^[0-9 ]*$/;

function decode(encoding: "utf-8" | "utf-16be", bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new DerError("invalid_value", `${what} is not valid ${encoding}`);
  }
}

function decodeUtf32(bytes: Uint8Array, what: string): string {
  if (bytes.length % 4 !== 0) throw new DerError("invalid_value", `${what} is not whole UTF-32 characters`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = "";
  for (let i = 0; i < bytes.length; i += 4) {
    const codePoint = view.getUint32(i);
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      throw new DerError("invalid_value", `${what} holds an invalid code point`);
    }
    text += String.fromCodePoint(codePoint);
  }
  return text;
}

function decodeAscii(bytes: Uint8Array, what: string, pattern?: RegExp): string {
  const text = Buffer.from(bytes).toString("latin1");
  if (bytes.some((b) => b > 0x7f) || (pattern && !pattern.test(text))) {
    throw new DerError("invalid_value", `${what} holds characters its type does not allow`);
  }
  return text;
}

/**
 * A character string of any ASN.1 string type used in names. TeletexString is read as Latin-1, as
 * most software does.
 */
export function readString(tlv: Tlv, what = "string"): string {
  switch (tlv.tag) {
    case Tag.UTF8_STRING:
      return decode("utf-8", tlv.value, what);
    case Tag.PRINTABLE_STRING:
      return decodeAscii(tlv.value, what, PRINTABLE);
    case Tag.NUMERIC_STRING:
      return decodeAscii(tlv.value, what, NUMERIC);
    case Tag.IA5_STRING:
    case Tag.VISIBLE_STRING:
      return decodeAscii(tlv.value, what);
    case Tag.TELETEX_STRING:
      return Buffer.from(tlv.value).toString("latin1");
    case Tag.BMP_STRING:
      if (tlv.value.length % 2 !== 0) throw new DerError("invalid_value", `${what} has an odd length`);
      return decode("utf-16be", tlv.value, what);
    case Tag.UNIVERSAL_STRING:
      return decodeUtf32(tlv.value, what);
    default:
      throw new DerError("unexpected_tag", `${what} has tag ${describeTag(tlv.tag)}, not a string type`);
  }
}
