import { encodeInteger } from "../der/index";

/** A serial number given as a bigint or hex ("0a1b…"), encoded as a positive INTEGER. */
export function encodeSerialNumber(serialNumber: bigint | string): Uint8Array {
  const value = typeof serialNumber === "bigint" ? serialNumber : parseHexSerial(serialNumber);
  if (value <= 0n) throw new RangeError(`serial numbers are positive (RFC 5280 4.1.2.2), got ${value}`);
  return encodeInteger(value);
}

function parseHexSerial(hex: string): bigint {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new RangeError(`"${hex}" is not a hex serial number`);
  return BigInt(`0x${hex}`);
}
