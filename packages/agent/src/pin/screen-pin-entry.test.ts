import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KioskScreen, KioskView } from "../kiosk/kiosk-screen";
import { startKioskServer } from "../kiosk/kiosk-server";
import { createScreenPinEntry } from "./screen-pin-entry";

let kiosk: KioskScreen;
let shown: KioskView[];

beforeEach(async () => {
  const server = await startKioskServer({ port: 0 });
  shown = [];
  // Keeps the real server and records each view it is asked to show.
  kiosk = {
    url: server.url,
    show(view) {
      shown.push(view);
      server.show(view);
    },
    onAction: (listener) => server.onAction(listener),
    close: () => server.close(),
  };
});

afterEach(async () => {
  await kiosk.close();
});

function postAction(body: unknown): Promise<Response> {
  return fetch(new URL("/actions", kiosk.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("createScreenPinEntry", () => {
  it("shows the PIN view and resolves with the PIN the page posts", async () => {
    const entry = createScreenPinEntry(kiosk);
    const asked = entry.requestPin("暗証番号 / PIN", 5000);
    expect(shown).toEqual([{ kind: "pin", prompt: "暗証番号 / PIN" }]);
    await postAction({ kind: "changePunch", punch: "out" });
    await postAction({ kind: "pin", pin: "1987" });
    await expect(asked).resolves.toBe("1987");
  });

  it("resolves null when the person cancels on the page", async () => {
    const entry = createScreenPinEntry(kiosk);
    const asked = entry.requestPin("PIN", 5000);
    await postAction({ kind: "pin", pin: null });
    await expect(asked).resolves.toBeNull();
  });

  it("resolves null when nobody answers in time and ignores a late answer", async () => {
    const entry = createScreenPinEntry(kiosk);
    await expect(entry.requestPin("PIN", 50)).resolves.toBeNull();
    await postAction({ kind: "pin", pin: "1111" });
    const next = entry.requestPin("PIN", 5000);
    await postAction({ kind: "pin", pin: "2222" });
    await expect(next).resolves.toBe("2222");
  });

  it("cancels the open request when closed", async () => {
    const entry = createScreenPinEntry(kiosk);
    const asked = entry.requestPin("PIN", 5000);
    await entry.close();
    await expect(asked).resolves.toBeNull();
  });
});
