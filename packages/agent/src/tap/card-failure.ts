import { CardRemovedError } from "@tobira/card";

/** What went wrong at the card, in words for the log and the screen; `removed` when the card left. */
export function describeCardFailure(error: unknown): { removed: boolean; message: string } {
  if (error instanceof CardRemovedError)
    return { removed: true, message: "the card was taken away too soon" };
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { removed: false, message: `the card did not answer as expected (${detail.slice(0, 150)})` };
}
