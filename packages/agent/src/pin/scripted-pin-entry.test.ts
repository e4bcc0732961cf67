import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createScriptedPinEntry } from "./scripted-pin-entry";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("createScriptedPinEntry", () => {
  it("answers an open request with the supplied PIN", async () => {
    const entry = createScriptedPinEntry();
    const asked = entry.requestPin("暗証番号 / PIN", 30_000);
    expect(entry.pendingPrompt()).toBe("暗証番号 / PIN");
    entry.supply("1234");
    await expect(asked).resolves.toBe("1234");
    expect(entry.pendingPrompt()).toBeNull();
  });

  it("keeps a PIN supplied before the request for the next request only", async () => {
    const entry = createScriptedPinEntry();
    entry.supply("1111");
    entry.supply("2222");
    await expect(entry.requestPin("PIN", 30_000)).resolves.toBe("2222");
    const second = entry.requestPin("PIN", 1000);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(second).resolves.toBeNull();
  });

  it("resolves null on a supplied null, as when the person cancels", async () => {
    const entry = createScriptedPinEntry();
    const asked = entry.requestPin("PIN", 30_000);
    entry.supply(null);
    await expect(asked).resolves.toBeNull();
  });

  it("resolves null when the time runs out and keeps a later supply for the next request", async () => {
    const entry = createScriptedPinEntry();
    const asked = entry.requestPin("PIN", 5000);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(asked).resolves.toBeNull();
    entry.supply("5678");
    await expect(entry.requestPin("PIN", 5000)).resolves.toBe("5678");
  });

  it("tells listeners when a request opens and ends", async () => {
    const entry = createScriptedPinEntry();
    const prompts: (string | null)[] = [];
    entry.onPromptChange((prompt) => prompts.push(prompt));
    const asked = entry.requestPin("PIN?", 5000);
    entry.supply("0000");
    await asked;
    expect(prompts).toEqual(["PIN?", null]);
  });

  it("cancels the open request when closed", async () => {
    const entry = createScriptedPinEntry();
    const asked = entry.requestPin("PIN", 30_000);
    await entry.close();
    await expect(asked).resolves.toBeNull();
  });
});
