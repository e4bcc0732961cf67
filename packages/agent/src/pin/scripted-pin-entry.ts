import type { PinEntry } from "./pin-entry";

/** A PIN entry answered by a program: the demo panel's keypad and tests. */
export interface ScriptedPinEntry extends PinEntry {
  /**
   * Answers the open request with `pin` (null cancels), or keeps it for the next request when none
   * is open; a later supply replaces a kept one.
   */
  supply(pin: string | null): void;
  /** The prompt of the open request, or null when nothing is being asked. */
  pendingPrompt(): string | null;
  /** Tells when a request opens (its prompt) and when it ends (null). */
  onPromptChange(listener: (prompt: string | null) => void): () => void;
}

interface OpenRequest {
  prompt: string;
  finish(pin: string | null): void;
}

export function createScriptedPinEntry(): ScriptedPinEntry {
  let kept: { pin: string | null } | null = null;
  let current: OpenRequest | null = null;
  const listeners = new Set<(prompt: string | null) => void>();

  function tell(prompt: string | null): void {
    for (const listener of [...listeners]) listener(prompt);
  }

  return {
    requestPin(prompt, timeoutMs) {
      current?.finish(null);
      if (kept !== null) {
        const { pin } = kept;
        kept = null;
        return Promise.resolve(pin);
      }
      return new Promise<string | null>((resolve) => {
        const request: OpenRequest = {
          prompt,
          finish(pin) {
            if (current !== request) return;
            current = null;
            clearTimeout(timer);
            resolve(pin);
            tell(null);
          },
        };
        const timer = setTimeout(() => request.finish(null), timeoutMs);
        current = request;
        tell(prompt);
      });
    },
    supply(pin) {
      if (current !== null) {
        current.finish(pin);
        return;
      }
      kept = { pin };
    },
    pendingPrompt: () => current?.prompt ?? null,
    onPromptChange(listener) {
      const entry = (prompt: string | null) => listener(prompt);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    async close() {
      current?.finish(null);
      kept = null;
      listeners.clear();
    },
  };
}
