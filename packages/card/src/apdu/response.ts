import { toHex } from "./bytes";

/** A response APDU: data, then the status word SW1 SW2. */
export interface ResponseApdu {
  data: Uint8Array;
  sw: number;
}

export class ApduResponseError extends Error {
  override name = "ApduResponseError";
}

export function decodeResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2)
    throw new ApduResponseError(`a response needs a 2-byte status word, got ${bytes.length} bytes`);
  const sw1 = bytes[bytes.length - 2] ?? 0;
  const sw2 = bytes[bytes.length - 1] ?? 0;
  return { data: bytes.slice(0, -2), sw: (sw1 << 8) | sw2 };
}

export function encodeResponse(response: ResponseApdu): Uint8Array {
  const out = new Uint8Array(response.data.length + 2);
  out.set(response.data);
  out[out.length - 2] = response.sw >> 8;
  out[out.length - 1] = response.sw & 0xff;
  return out;
}

export function swHex(sw: number): string {
  return toHex(Uint8Array.of(sw >> 8, sw & 0xff));
}
