import { swHex } from "./response";

export const SW_OK = 0x9000;

/** What a status word means for the caller; names are stable and used in errors and logs. */
export type StatusKind =
  | "ok"
  | "more_data"
  | "wrong_pin"
  | "pin_blocked"
  | "security_not_satisfied"
  | "not_found"
  | "wrong_length"
  | "wrong_parameters"
  | "not_supported"
  | "conditions_not_satisfied"
  | "memory_failure"
  | "unknown";

export interface StatusMeaning {
  kind: StatusKind;
  /** For 63 Cx: tries left. For 61 xx / 6C xx: the length the card offers. */
  count?: number;
  message: string;
}

export function interpretStatus(sw: number): StatusMeaning {
  const sw1 = sw >> 8;
  const sw2 = sw & 0xff;
  if (sw === SW_OK) return { kind: "ok", message: "done" };
  if (sw1 === 0x61)
    return { kind: "more_data", count: sw2 === 0 ? 256 : sw2, message: `${sw2 || 256} more bytes available` };
  if (sw1 === 0x6c)
    return {
      kind: "wrong_length",
      count: sw2 === 0 ? 256 : sw2,
      message: `wrong Le; the card offers ${sw2 || 256} bytes`,
    };
  if (sw1 === 0x63 && (sw2 & 0xf0) === 0xc0) {
    const tries = sw2 & 0x0f;
    return tries === 0
      ? { kind: "pin_blocked", count: 0, message: "the PIN is blocked (no tries left)" }
      : { kind: "wrong_pin", count: tries, message: `PIN not verified; ${tries} tries left` };
  }
  switch (sw) {
    case 0x6983:
    case 0x6984:
      return { kind: "pin_blocked", count: 0, message: "the PIN is blocked" };
    case 0x6982:
      return { kind: "security_not_satisfied", message: "security status not satisfied (PIN not verified)" };
    case 0x6985:
      return { kind: "conditions_not_satisfied", message: "conditions of use not satisfied" };
    case 0x6a82:
      return { kind: "not_found", message: "application or file not found" };
    case 0x6a86:
    case 0x6b00:
      return { kind: "wrong_parameters", message: "wrong parameters P1/P2" };
    case 0x6700:
      return { kind: "wrong_length", message: "wrong length" };
    case 0x6d00:
    case 0x6e00:
      return { kind: "not_supported", message: "instruction or class not supported" };
    case 0x6581:
      return { kind: "memory_failure", message: "memory failure" };
    default:
      return { kind: "unknown", message: `status ${swHex(sw)}` };
  }
}

/** A card answered with a status word other than the one expected. */
export class CardStatusError extends Error {
  override name = "CardStatusError";
  readonly kind: StatusKind;
  readonly count: number | undefined;

  constructor(
    readonly operation: string,
    readonly sw: number,
  ) {
    const meaning = interpretStatus(sw);
    super(`${operation}: ${meaning.message} (${swHex(sw)})`);
    this.kind = meaning.kind;
    this.count = meaning.count;
  }
}
