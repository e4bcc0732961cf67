/** Why a card's UID could not be read: the reader lacks the command, it failed, or the UID is malformed. */
export type CardUidFailure = "not_supported" | "failed" | "malformed_uid";

export class CardUidError extends Error {
  override name = "CardUidError";

  constructor(
    readonly reason: CardUidFailure,
    message: string,
    readonly sw?: number,
  ) {
    super(message);
  }
}
