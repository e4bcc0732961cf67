import type { KioskScreen } from "../kiosk/kiosk-screen";
import type { PinEntry } from "./pin-entry";
import { isWholePin } from "./pin-typing";

/**
 * The terminal's own screen as the PIN pad: shows the kiosk's PIN view and waits for its answer. The
 * caller shows the next view (the result) once the promise settles.
 */
export function createScreenPinEntry(kiosk: KioskScreen): PinEntry {
  let cancelCurrent: (() => void) | null = null;

  return {
    requestPin(prompt, timeoutMs) {
      cancelCurrent?.();
      return new Promise<string | null>((resolve) => {
        const finish = (pin: string | null) => {
          if (cancelCurrent !== cancel) return;
          cancelCurrent = null;
          clearTimeout(timer);
          stopListening();
          resolve(pin);
        };
        const cancel = () => finish(null);
        cancelCurrent = cancel;
        const timer = setTimeout(cancel, timeoutMs);
        const stopListening = kiosk.onAction((action) => {
          if (action.kind !== "pin") return;
          // The page sends only four digits; anything else is not a PIN and cancels.
          finish(action.pin !== null && isWholePin(action.pin) ? action.pin : null);
        });
        kiosk.show({ kind: "pin", prompt });
      });
    },
    async close() {
      cancelCurrent?.();
    },
  };
}
