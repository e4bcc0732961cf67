import { DerError } from "./der-error";
import { encodeTlv } from "./encode-tlv";
import { Tag } from "./tags";

function encodeBigInt(value: bigint): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  // Two's complement, minimal: stop once the remaining value is all sign and the sign bit is right.
  for (;;) {
    const byte = Number(rest & 0xffn);
    bytes.unshift(byte);
    rest >>= 8n;
    if ((rest === 0n && byte < 0x80) || (rest === -1n && byte >= 0x80)) break;
  }
  return Uint8Array.from(bytes);
}

function encodeMagnitude(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  const first = trimmed[0];
  if (first === undefined) throw new DerError("invalid_value", "an INTEGER needs at least one byte");
  if (first < 0x80) return Uint8Array.from(trimmed);
  const padded = new Uint8Array(trimmed.length + 1);
  padded.set(trimmed, 1);
  return padded;
}

/** An INTEGER from a bigint, or from bytes read as an unsigned big-endian magnitude. */
export function encodeInteger(value: bigint | Uint8Array): Uint8Array {
  const content = typeof value === "bigint" ? encodeBigInt(value) : encodeMagnitude(value);
  return encodeTlv(Tag.INTEGER, content);
}
