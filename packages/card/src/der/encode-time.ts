import { DerError } from "./der-error";
import { encodeTlv } from "./encode-tlv";
import { Tag } from "./tags";

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function checkDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new DerError("invalid_value", "cannot encode an invalid Date");
}

/** Whole seconds only: DER times in X.509 carry no fraction. */
function formatClock(date: Date): string {
  const parts = [
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  return parts.map((part) => pad(part, 2)).join("");
}

/** UTCTime, for 1950–2049 only. */
export function encodeUtcTime(date: Date): Uint8Array {
  checkDate(date);
  const year = date.getUTCFullYear();
  if (year < 1950 || year > 2049) throw new DerError("invalid_value", `UTCTime cannot hold the year ${year}`);
  return encodeTlv(Tag.UTC_TIME, Buffer.from(`${pad(year % 100, 2)}${formatClock(date)}Z`, "latin1"));
}

export function encodeGeneralizedTime(date: Date): Uint8Array {
  checkDate(date);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw new DerError("invalid_value", `GeneralizedTime cannot hold the year ${year}`);
  }
  return encodeTlv(Tag.GENERALIZED_TIME, Buffer.from(`${pad(year, 4)}${formatClock(date)}Z`, "latin1"));
}

/** X.509 Time (RFC 5280 4.1.2.5): UTCTime through 2049, GeneralizedTime from 2050 and before 1950. */
export function encodeTime(date: Date): Uint8Array {
  checkDate(date);
  const year = date.getUTCFullYear();
  return year >= 1950 && year <= 2049 ? encodeUtcTime(date) : encodeGeneralizedTime(date);
}
