import { DerError } from "./der-error";
import { encodeTlv } from "./encode-tlv";
import { Tag } from "./tags";

function encodeArc(arc: bigint): number[] {
  const out = [Number(arc & 0x7fn)];
  for (let rest = arc >> 7n; rest > 0n; rest >>= 7n) out.unshift(Number(rest & 0x7fn) | 0x80);
  return out;
}

/** An OBJECT IDENTIFIER from its dotted form, e.g. "2.5.4.3". */
export function encodeOid(dotted: string): Uint8Array {
  if (!/^\d+(\.\d+)+$/.test(dotted)) throw new DerError("invalid_value", `"${dotted}" is not a dotted OID`);
  const [first = 0n, second = 0n, ...rest] = dotted.split(".").map(BigInt);
  if (first > 2n || (first < 2n && second >= 40n)) {
    throw new DerError("invalid_value", `"${dotted}" has an impossible first arc pair`);
  }
  const arcs = [first * 40n + second, ...rest];
  return encodeTlv(Tag.OID, Uint8Array.from(arcs.flatMap(encodeArc)));
}
