/** Identifier octets (class, constructed bit and number in one byte) of the universal types used here. */
export const Tag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  NUMERIC_STRING: 0x12,
  PRINTABLE_STRING: 0x13,
  TELETEX_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE_STRING: 0x1a,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

const CONTEXT_CLASS = 0x80;
const CONSTRUCTED = 0x20;

/** The identifier octet of a context-specific tag `[number]`, e.g. 0xA0 for explicit [0]. */
export function makeContextTag(number: number, constructed: boolean): number {
  if (!Number.isInteger(number) || number < 0 || number > 30) {
    throw new RangeError(`context tag numbers 0–30 are supported, got ${number}`);
  }
  return CONTEXT_CLASS | (constructed ? CONSTRUCTED : 0) | number;
}

export function describeTag(tag: number): string {
  return `0x${tag.toString(16).padStart(2, "0")}`;
}
