import type { PinEntryConfig } from "../config";
import type { KioskScreen } from "../kiosk/kiosk-screen";
import type { AgentLog } from "../log";
import { createKeypadPinEntry } from "./keypad-pin-entry";
import type { PinEntry } from "./pin-entry";
import { createScreenPinEntry } from "./screen-pin-entry";

export class PinEntryConfigError extends Error {
  override name = "PinEntryConfigError";
}

/** The PIN entry the configuration names; null when this reader has none (card + PIN doors refuse). */
export function createPinEntry(
  config: PinEntryConfig,
  kiosk: KioskScreen | null,
  log: AgentLog,
): PinEntry | null {
  switch (config.kind) {
    case "keypad":
      return createKeypadPinEntry(config.device, log);
    case "screen":
      if (kiosk === null) {
        throw new PinEntryConfigError(
          'pinEntry "screen" needs the kiosk page: add "kiosk" to the agent configuration',
        );
      }
      return createScreenPinEntry(kiosk);
    case "none":
      return null;
  }
}
