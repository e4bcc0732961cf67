import { DerError } from "./der-error";
import type { Tlv } from "./read-tlv";
import { Tag } from "./tags";

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
// DER allows a fraction of a second without trailing zeros; X.509 itself never uses one.
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{0,2}[1-9]))?Z$/;

function toIso(what: string, parts: number[], millis: number): string {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  // Date rolls over (Feb 30 → Mar 2); a round trip that changes the fields means the input was invalid.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute ||
    date.getUTCSeconds() !== second
  ) {
    throw new DerError("invalid_value", `${what} is not a valid date and time`);
  }
  return date.toISOString();
}

function decodeAscii(tlv: Tlv): string {
  return Buffer.from(tlv.value).toString("latin1");
}

/** UTCTime (YYMMDDHHMMSSZ; years 50–99 are 19xx, 00–49 are 20xx) as an ISO 8601 UTC string. */
export function readUtcTime(tlv: Tlv, what = "UTCTime"): string {
  if (tlv.tag !== Tag.UTC_TIME) throw new DerError("unexpected_tag", `${what} is not a UTCTime`);
  const match = UTC_TIME.exec(decodeAscii(tlv));
  if (!match) throw new DerError("invalid_value", `${what} is not of the form YYMMDDHHMMSSZ`);
  const [yy = 0, ...rest] = match.slice(1).map(Number);
  return toIso(what, [yy < 50 ? 2000 + yy : 1900 + yy, ...rest], 0);
}

/** GeneralizedTime (YYYYMMDDHHMMSS[.f]Z) as an ISO 8601 UTC string. */
export function readGeneralizedTime(tlv: Tlv, what = "GeneralizedTime"): string {
  if (tlv.tag !== Tag.GENERALIZED_TIME) {
    throw new DerError("unexpected_tag", `${what} is not a GeneralizedTime`);
  }
  const match = GENERALIZED_TIME.exec(decodeAscii(tlv));
  if (!match) throw new DerError("invalid_value", `${what} is not of the form YYYYMMDDHHMMSSZ`);
  const parts = match.slice(1, 7).map(Number);
  const millis = Number((match[7] ?? "").padEnd(3, "0"));
  return toIso(what, parts, millis);
}

/** X.509 Time: either form. */
export function readTime(tlv: Tlv, what = "time"): string {
  if (tlv.tag === Tag.UTC_TIME) return readUtcTime(tlv, what);
  if (tlv.tag === Tag.GENERALIZED_TIME) return readGeneralizedTime(tlv, what);
  throw new DerError("unexpected_tag", `${what} is neither UTCTime nor GeneralizedTime`);
}
