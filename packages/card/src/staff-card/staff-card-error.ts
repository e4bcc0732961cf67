/** How a staff card let the reader down, as stable ids for logs and denial reasons. */
export type StaffCardFailure =
  | "not_present"
  | "not_personalised"
  | "already_personalised"
  | "malformed_response"
  | "personalisation_mismatch";

export class StaffCardError extends Error {
  override name = "StaffCardError";

  constructor(
    readonly reason: StaffCardFailure,
    message: string,
  ) {
    super(message);
  }
}
