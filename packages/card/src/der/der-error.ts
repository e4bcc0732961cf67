export type DerErrorReason =
  | "truncated"
  | "overrun"
  | "indefinite_length"
  | "unsupported_length"
  | "non_minimal_length"
  | "unsupported_tag"
  | "unexpected_tag"
  | "invalid_value"
  | "trailing_data"
  | "too_deep"
  | "too_much_work";

/** Bytes that are not the DER expected, or a value that cannot be written as DER. */
export class DerError extends Error {
  override name = "DerError";

  constructor(
    readonly reason: DerErrorReason,
    message: string,
  ) {
    super(message);
  }
}
