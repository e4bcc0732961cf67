import { useCallback, useState } from "react";

export interface Action {
  error: unknown;
  busy: boolean;
  /** The good news after the last success, for a StatusMessage. */
  message: string | null;
  /** Runs a change; its result is the message to announce. Returns true on success. */
  run: (change: () => Promise<string>) => Promise<boolean>;
  fail: (error: unknown) => void;
  clear: () => void;
}

/** The usual state of a form that sends one change: busy, the failure, or the success message. */
export function useAction(): Action {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const run = useCallback(async (change: () => Promise<string>) => {
    setError(null);
    setMessage(null);
    setBusy(true);
    try {
      setMessage(await change());
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const fail = useCallback((failure: unknown) => {
    setMessage(null);
    setError(failure);
  }, []);

  const clear = useCallback(() => {
    setError(null);
    setMessage(null);
  }, []);

  return { error, busy, message, run, fail, clear };
}
