import { DerError } from "./der-error";

/** One DER element: identifier octet, length, and its value as a view into the input (no copy). */
export interface Tlv {
  /** The identifier octet: class, constructed bit and tag number, e.g. 0x30 for SEQUENCE, 0xA3 for [3]. */
  tag: number;
  constructed: boolean;
  /** Offset of the identifier octet in the input. */
  offset: number;
  headerLength: number;
  length: number;
  value: Uint8Array;
  /** Offset just past the value. */
  end: number;
  /** The whole element (header and value) as a view into the input. */
  der: Uint8Array;
}

export type TlvHeader = Pick<Tlv, "tag" | "constructed" | "offset" | "headerLength" | "length">;

const MAX_LENGTH_OCTETS = 4;

function readByte(bytes: Uint8Array, index: number, what: string): number {
  const value = bytes[index];
  if (value === undefined) throw new DerError("truncated", `input ends at ${index} inside ${what}`);
  return value;
}

/**
 * Reads an identifier and length without requiring the value to be present, so a certificate's
 * first block can be sized before the rest is read.
 */
export function readHeader(bytes: Uint8Array, offset: number): TlvHeader {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`bad offset ${offset}`);
  const tag = readByte(bytes, offset, "the identifier");
  // Tag numbers above 30 (high-tag-number form) and universal tag 0 never occur in X.509.
  if ((tag & 0x1f) === 0x1f) {
    throw new DerError("unsupported_tag", `multi-byte tag at ${offset} is not supported`);
  }
  if (tag === 0) throw new DerError("unsupported_tag", `tag 0 (end-of-contents) at ${offset} is not DER`);
  const first = readByte(bytes, offset + 1, "the length");
  if (first < 0x80) {
    return { tag, constructed: (tag & 0x20) !== 0, offset, headerLength: 2, length: first };
  }
  if (first === 0x80) {
    throw new DerError("indefinite_length", `indefinite length at ${offset} is not DER`);
  }
  const count = first & 0x7f;
  if (count > MAX_LENGTH_OCTETS) {
    throw new DerError("unsupported_length", `length of ${count} octets at ${offset} is too long`);
  }
  let length = 0;
  for (let i = 0; i < count; i++) {
    length = length * 256 + readByte(bytes, offset + 2 + i, "the length");
  }
  if (length < 0x80 || length < 256 ** (count - 1)) {
    throw new DerError("non_minimal_length", `length ${length} at ${offset} is not minimally encoded`);
  }
  return { tag, constructed: (tag & 0x20) !== 0, offset, headerLength: 2 + count, length };
}

/** Reads one element at `offset`; its value must lie within `bytes`. */
export function readTlv(bytes: Uint8Array, offset: number): Tlv {
  const header = readHeader(bytes, offset);
  const start = offset + header.headerLength;
  const end = start + header.length;
  if (end > bytes.length) {
    throw new DerError(
      "truncated",
      `element at ${offset} declares ${header.length} bytes but only ${bytes.length - start} follow`,
    );
  }
  return { ...header, value: bytes.subarray(start, end), end, der: bytes.subarray(offset, end) };
}

/** Reads an input that must be exactly one element, with nothing after it. */
export function readSingleTlv(bytes: Uint8Array): Tlv {
  const tlv = readTlv(bytes, 0);
  if (tlv.end !== bytes.length) {
    throw new DerError("trailing_data", `${bytes.length - tlv.end} bytes follow the element`);
  }
  return tlv;
}
