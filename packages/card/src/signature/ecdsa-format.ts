import {
  DerError,
  encodeInteger,
  encodeSequence,
  openChildren,
  readIntegerBytes,
  readSingleTlv,
  Tag,
} from "../der/index";
import { SignatureError } from "./signature-error";

/** r||s (IEEE P1363, as cards return ECDSA signatures) to DER `SEQUENCE { r INTEGER, s INTEGER }`. */
export function rawEcdsaToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) {
    throw new SignatureError(
      "invalid_format",
      `a raw ECDSA signature has an even, non-zero length, got ${raw.length}`,
    );
  }
  const half = raw.length / 2;
  return encodeSequence([encodeInteger(raw.subarray(0, half)), encodeInteger(raw.subarray(half))]);
}

function placeInteger(content: Uint8Array, out: Uint8Array, at: number, size: number): void {
  const first = content[0] ?? 0;
  if (first >= 0x80) throw new SignatureError("invalid_format", "r and s must be positive");
  const magnitude = first === 0 && content.length > 1 ? content.subarray(1) : content;
  if (magnitude.length > size)
    throw new SignatureError("invalid_format", `r or s is longer than ${size} bytes`);
  out.set(magnitude, at + size - magnitude.length);
}

/** DER `SEQUENCE { r, s }` to r||s with each half `coordinateBytes` long (32 for P-256, 48 for P-384). */
export function derEcdsaToRaw(der: Uint8Array, coordinateBytes: number): Uint8Array {
  if (!Number.isInteger(coordinateBytes) || coordinateBytes < 1) {
    throw new RangeError(`coordinate size must be a positive integer, got ${coordinateBytes}`);
  }
  try {
    const sequence = readSingleTlv(der);
    if (sequence.tag !== Tag.SEQUENCE) throw new DerError("unexpected_tag", "not a SEQUENCE");
    const cursor = openChildren(sequence, "ECDSA signature");
    const r = readIntegerBytes(cursor.expect(Tag.INTEGER, "r"), "r");
    const s = readIntegerBytes(cursor.expect(Tag.INTEGER, "s"), "s");
    cursor.finish("ECDSA signature");
    const out = new Uint8Array(coordinateBytes * 2);
    placeInteger(r, out, 0, coordinateBytes);
    placeInteger(s, out, coordinateBytes, coordinateBytes);
    return out;
  } catch (error) {
    if (error instanceof DerError)
      throw new SignatureError("invalid_format", `not a DER ECDSA signature: ${error.message}`);
    throw error;
  }
}
