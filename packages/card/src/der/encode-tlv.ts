import { concatBytes } from "./concat-bytes";
import { DerError } from "./der-error";
import { makeContextTag, Tag } from "./tags";

export function encodeLength(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 0xffff_ffff) {
    throw new DerError("unsupported_length", `cannot encode a length of ${length}`);
  }
  if (length < 0x80) return Uint8Array.of(length);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Uint8Array.of(0x80 | octets.length, ...octets);
}

/** One element from its identifier octet and content. */
export function encodeTlv(tag: number, content: Uint8Array): Uint8Array {
  if (!Number.isInteger(tag) || tag <= 0 || tag > 0xff || (tag & 0x1f) === 0x1f) {
    throw new DerError("unsupported_tag", `cannot encode tag ${tag}`);
  }
  return concatBytes([Uint8Array.of(tag), encodeLength(content.length), content]);
}

export function encodeSequence(children: readonly Uint8Array[]): Uint8Array {
  return encodeTlv(Tag.SEQUENCE, concatBytes(children));
}

/** X.690 11.6: DER orders a SET OF by the encodings, the shorter one padded with zeros at the end. */
function compareEncodings(a: Uint8Array, b: Uint8Array): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** A SET (OF), its elements sorted as DER requires. */
export function encodeSet(children: readonly Uint8Array[]): Uint8Array {
  return encodeTlv(Tag.SET, concatBytes([...children].sort(compareEncodings)));
}

/** `[number] EXPLICIT`: a constructed context tag wrapping a whole element. */
export function encodeContextExplicit(number: number, element: Uint8Array): Uint8Array {
  return encodeTlv(makeContextTag(number, true), element);
}

/** `[number] IMPLICIT`: the element's own identifier replaced by a context tag, keeping its form. */
export function encodeContextImplicit(number: number, element: Uint8Array): Uint8Array {
  const identifier = element[0];
  if (identifier === undefined) throw new DerError("invalid_value", "cannot retag an empty encoding");
  const out = Uint8Array.from(element);
  out[0] = makeContextTag(number, (identifier & 0x20) !== 0);
  return out;
}
