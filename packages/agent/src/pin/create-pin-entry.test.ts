import { afterEach, describe, expect, it } from "vitest";
import { createRecordingLog } from "../door/recording-log";
import type { KioskScreen } from "../kiosk/kiosk-screen";
import { startKioskServer } from "../kiosk/kiosk-server";
import { createPinEntry, PinEntryConfigError } from "./create-pin-entry";

let kiosk: KioskScreen | null = null;

afterEach(async () => {
  await kiosk?.close();
  kiosk = null;
});

describe("createPinEntry", () => {
  it("gives no PIN entry when the reader has none", () => {
    expect(createPinEntry({ kind: "none" }, null, createRecordingLog())).toBeNull();
  });

  it("asks on the kiosk screen for the screen kind", async () => {
    kiosk = await startKioskServer({ port: 0 });
    const entry = createPinEntry({ kind: "screen" }, kiosk, createRecordingLog());
    const asked = entry?.requestPin("PIN", 5000);
    await fetch(new URL("/actions", kiosk.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: "pin", pin: "4321" }),
    });
    await expect(asked).resolves.toBe("4321");
  });

  it("refuses the screen kind without a kiosk page", () => {
    expect(() => createPinEntry({ kind: "screen" }, null, createRecordingLog())).toThrow(PinEntryConfigError);
  });

  it("reads the configured device for the keypad kind", async () => {
    const log = createRecordingLog();
    const entry = createPinEntry({ kind: "keypad", device: "/nonexistent/event7" }, null, log);
    await expect(entry?.requestPin("PIN", 5000)).resolves.toBeNull();
    expect(log.entries[0]?.message).toContain("/nonexistent/event7");
  });
});
