import { concatBytes } from "../apdu/bytes";

/** P2 of SELECT: only "first occurrence" with a template choice (FCI 00, FCP 04, FMD 08, none 0C). */
export function isSupportedSelectP2(p2: number): boolean {
  return (p2 & 0xf3) === 0;
}

export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(tag, value.length), value);
}

/**
 * What SELECT returns for the template P2 asks for: nothing for 0C, otherwise the given data objects
 * wrapped in FCI (6F), FCP (62) or FMD (64).
 */
export function encodeSelectResponse(p2: number, dataObjects: Uint8Array[]): Uint8Array {
  const template = p2 & 0x0c;
  if (template === 0x0c) return new Uint8Array(0);
  const tag = template === 0x04 ? 0x62 : template === 0x08 ? 0x64 : 0x6f;
  return encodeTlv(tag, concatBytes(...dataObjects));
}
