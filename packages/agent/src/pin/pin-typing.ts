/** A My Number Card's user-authentication PIN, and the staff card's, is four digits. */
export const pinLength = 4;

export type PinKey =
  | { kind: "digit"; digit: string }
  | { kind: "enter" }
  | { kind: "backspace" }
  | { kind: "cancel" };

/** What one key press makes of the digits typed so far. */
export type PinTypingStep =
  | { kind: "typing"; digits: string }
  | { kind: "entered"; pin: string }
  | { kind: "cancelled" };

/** Digits past the fourth are ignored, and enter counts only once all four are typed. */
export function typePinKey(digits: string, key: PinKey): PinTypingStep {
  switch (key.kind) {
    case "digit":
      return { kind: "typing", digits: digits.length < pinLength ? digits + key.digit : digits };
    case "backspace":
      return { kind: "typing", digits: digits.slice(0, -1) };
    case "cancel":
      return { kind: "cancelled" };
    case "enter":
      return digits.length === pinLength ? { kind: "entered", pin: digits } : { kind: "typing", digits };
  }
}

export function isWholePin(value: string): boolean {
  return value.length === pinLength && /^[0-9]+$/.test(value);
}
