import { DerError } from "./der-error";
import { encodeTlv } from "./encode-tlv";
import { Tag } from "./tags";

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

export function isPrintableString(text: string): boolean {
  return PRINTABLE.test(text);
}

export function encodeUtf8String(text: string): Uint8Array {
  return encodeTlv(Tag.UTF8_STRING, new TextEncoder().encode(text));
}

export function encodePrintableString(text: string): Uint8Array {
  if (!isPrintableString(text)) {
    throw new DerError("invalid_value", `"${text}" has characters a PrintableString does not allow`);
  }
  return encodeTlv(Tag.PRINTABLE_STRING, Buffer.from(text, "latin1"));
}

export function encodeIa5String(text: string): Uint8Array {
  if ([...text].some((character) => (character.codePointAt(0) ?? 0) > 0x7f))
    throw new DerError("invalid_value", `"${text}" is not ASCII`);
  return encodeTlv(Tag.IA5_STRING, Buffer.from(text, "latin1"));
}
