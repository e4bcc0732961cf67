/**
 * ISO/IEC 7816-4 command APDUs. The case follows from the fields: no data and no Le is case 1, Le only
 * case 2, data only case 3, both case 4. Short encoding carries up to 255 data bytes and Le up to 256;
 * beyond that, or when asked, the extended encoding (Lc/Le on 3 or 2 bytes) is used.
 */
export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data?: Uint8Array;
  /** Expected response length: 1–256 short, up to 65,536 extended. 256 encodes as 00 (short). */
  le?: number;
}

export class ApduEncodingError extends Error {
  override name = "ApduEncodingError";
}

function checkByte(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff)
    throw new ApduEncodingError(`${name} must be a byte, got ${value}`);
}

export function encodeCommand(command: CommandApdu, options: { extended?: boolean } = {}): Uint8Array {
  const { cla, ins, p1, p2, data, le } = command;
  checkByte("CLA", cla);
  checkByte("INS", ins);
  checkByte("P1", p1);
  checkByte("P2", p2);
  const lc = data?.length ?? 0;
  if (lc > 65_535) throw new ApduEncodingError(`data of ${lc} bytes does not fit an APDU`);
  if (le !== undefined && (!Number.isInteger(le) || le < 1 || le > 65_536)) {
    throw new ApduEncodingError(`Le must be 1–65536, got ${le}`);
  }
  const extended = options.extended === true || lc > 255 || (le !== undefined && le > 256);
  const header = [cla, ins, p1, p2];
  if (!extended) {
    const body: number[] = [];
    if (data && lc > 0) body.push(lc, ...data);
    if (le !== undefined) body.push(le === 256 ? 0 : le);
    return Uint8Array.from([...header, ...body]);
  }
  const body: number[] = [];
  if (data && lc > 0) body.push(0, lc >> 8, lc & 0xff, ...data);
  if (le !== undefined) {
    const encodedLe = le === 65_536 ? 0 : le;
    // With data, Le takes 2 bytes; without, the extended marker 00 comes first.
    if (lc === 0) body.push(0);
    body.push(encodedLe >> 8, encodedLe & 0xff);
  }
  return Uint8Array.from([...header, ...body]);
}

/** Reads a command APDU back (what a card or a virtual card receives). */
export function decodeCommand(bytes: Uint8Array): CommandApdu & { extended: boolean } {
  if (bytes.length < 4)
    throw new ApduEncodingError(`a command APDU needs 4 header bytes, got ${bytes.length}`);
  const [cla = 0, ins = 0, p1 = 0, p2 = 0] = bytes;
  const base = { cla, ins, p1, p2 };
  const rest = bytes.subarray(4);
  if (rest.length === 0) return { ...base, extended: false };
  if (rest.length === 1) return { ...base, le: rest[0] === 0 ? 256 : (rest[0] ?? 0), extended: false };
  const first = rest[0] ?? 0;
  if (first !== 0) {
    const lc = first;
    if (rest.length === 1 + lc) return { ...base, data: rest.slice(1), extended: false };
    if (rest.length === 2 + lc) {
      const le = rest[1 + lc] ?? 0;
      return { ...base, data: rest.slice(1, 1 + lc), le: le === 0 ? 256 : le, extended: false };
    }
    throw new ApduEncodingError(`Lc ${lc} does not match the ${rest.length - 1} bytes that follow`);
  }
  // Extended: 00 then two bytes.
  if (rest.length === 3) {
    const le = ((rest[1] ?? 0) << 8) | (rest[2] ?? 0);
    return { ...base, le: le === 0 ? 65_536 : le, extended: true };
  }
  if (rest.length < 3) throw new ApduEncodingError("truncated extended length");
  const lc = ((rest[1] ?? 0) << 8) | (rest[2] ?? 0);
  if (lc === 0) throw new ApduEncodingError("extended Lc of 0");
  if (rest.length === 3 + lc) return { ...base, data: rest.slice(3, 3 + lc), extended: true };
  if (rest.length === 5 + lc) {
    const le = ((rest[3 + lc] ?? 0) << 8) | (rest[4 + lc] ?? 0);
    return { ...base, data: rest.slice(3, 3 + lc), le: le === 0 ? 65_536 : le, extended: true };
  }
  throw new ApduEncodingError(`extended Lc ${lc} does not match the ${rest.length - 3} bytes that follow`);
}
