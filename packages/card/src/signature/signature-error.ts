export type SignatureErrorReason =
  | "algorithm_mismatch"
  | "unsupported_key"
  | "invalid_public_key"
  | "invalid_format";

/** A verification that cannot be attempted: a key that does not fit the algorithm, or bad input. */
export class SignatureError extends Error {
  override name = "SignatureError";

  constructor(
    readonly reason: SignatureErrorReason,
    message: string,
  ) {
    super(message);
  }
}
