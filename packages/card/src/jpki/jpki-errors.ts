/** Reasons the PIN step stops, each with words a person at the door can act on. */
export type PinRefusalReason = "pin_format" | "pin_guard" | "pin_blocked" | "wrong_pin";

export class PinRefusedError extends Error {
  override name = "PinRefusedError";

  constructor(
    readonly reason: PinRefusalReason,
    message: string,
    readonly triesLeft: number | null,
  ) {
    super(message);
  }
}
