import type { RequestInput } from "@tobira/protocol";
import { useEffect, useState } from "react";
import { checkRequest, type RequestCheck } from "../../api/requests";

export type CheckState =
  | { status: "idle" }
  | { status: "checking" }
  | { status: "done"; check: RequestCheck }
  | { status: "failed"; error: unknown };

const debounceMilliseconds = 400;

/**
 * Asks the server what submitting `input` would find, 400 ms after the typing stops; null (an incomplete
 * form) asks nothing. A newer input cancels the older question, so an old answer never shows.
 */
export function useRequestCheck(input: RequestInput | null): CheckState {
  const [state, setState] = useState<CheckState>({ status: "idle" });
  const key = input === null ? null : JSON.stringify(input);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the input, serialised so equal forms ask once.
  useEffect(() => {
    if (input === null) {
      setState({ status: "idle" });
      return;
    }
    setState({ status: "checking" });
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      checkRequest(input, controller.signal).then(
        (check) => {
          if (!controller.signal.aborted) setState({ status: "done", check });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ status: "failed", error });
        },
      );
    }, debounceMilliseconds);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  return state;
}
