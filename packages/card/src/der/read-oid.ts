import { DerError } from "./der-error";
import type { Tlv } from "./read-tlv";
import { Tag } from "./tags";

const MAX_OID_BYTES = 256;

/** An OBJECT IDENTIFIER as a dotted string, e.g. "1.2.840.113549.1.1.11". */
export function readOid(tlv: Tlv, what = "OBJECT IDENTIFIER"): string {
  if (tlv.tag !== Tag.OID) throw new DerError("unexpected_tag", `${what} is not an OBJECT IDENTIFIER`);
  const bytes = tlv.value;
  if (bytes.length === 0) throw new DerError("invalid_value", `${what} is empty`);
  // Real identifiers are a few dozen bytes; the cap keeps big-number work bounded.
  if (bytes.length > MAX_OID_BYTES)
    throw new DerError("invalid_value", `${what} is over ${MAX_OID_BYTES} bytes`);
  const arcs: bigint[] = [];
  let arc = 0n;
  let startOfArc = true;
  for (const byte of bytes) {
    if (startOfArc && byte === 0x80) {
      throw new DerError("invalid_value", `${what} has a sub-identifier with a leading 0x80`);
    }
    arc = (arc << 7n) | BigInt(byte & 0x7f);
    startOfArc = (byte & 0x80) === 0;
    if (startOfArc) {
      arcs.push(arc);
      arc = 0n;
    }
  }
  if (!startOfArc) throw new DerError("invalid_value", `${what} ends inside a sub-identifier`);
  const [first = 0n, ...rest] = arcs;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...rest].join(".");
}
