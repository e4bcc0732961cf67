import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRecordingLog, type RecordingLog } from "../door/recording-log";
import { encodeInputEvent } from "./input-event";
import { createKeypadPinEntry } from "./keypad-pin-entry";
import type { PinEntry } from "./pin-entry";

const KEY_CODES: Record<string, number> = {
  "1": 79,
  "2": 80,
  "3": 81,
  "4": 75,
  "5": 76,
  "6": 77,
  "7": 71,
  "8": 72,
  "9": 73,
  "0": 82,
  enter: 96,
  backspace: 14,
  escape: 1,
};

/** Presses and releases each key, with a SYN_REPORT after each, as a USB keypad does. */
function encodeKeys(keys: string[]): Buffer {
  return Buffer.concat(
    keys.flatMap((key) => {
      const code = KEY_CODES[key];
      if (code === undefined) throw new Error(`no key ${key}`);
      return [
        encodeInputEvent({ type: 4, code: 4, value: 458_792 }),
        encodeInputEvent({ type: 1, code, value: 1 }),
        encodeInputEvent({ type: 0, code: 0, value: 0 }),
        encodeInputEvent({ type: 1, code, value: 0 }),
        encodeInputEvent({ type: 0, code: 0, value: 0 }),
      ];
    }),
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let log: RecordingLog;
let entry: PinEntry | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tobira-keypad-"));
  log = createRecordingLog();
});

afterEach(async () => {
  await entry?.close();
  entry = null;
  rmSync(dir, { recursive: true, force: true });
});

describe("createKeypadPinEntry on a FIFO", () => {
  function makeFifo(): string {
    const path = join(dir, "event0");
    expect(spawnSync("mkfifo", [path]).status).toBe(0);
    return path;
  }

  async function writeToFifo(path: string, bytes: Buffer): Promise<void> {
    const writer = await open(path, "w");
    await writer.write(bytes);
    await writer.close();
  }

  it("resolves with four digits once enter is pressed", async () => {
    const path = makeFifo();
    entry = createKeypadPinEntry(path, log, { pollMs: 5 });
    const asked = entry.requestPin("暗証番号 / PIN", 5000);
    await writeToFifo(path, encodeKeys(["1", "9", "8", "7", "enter"]));
    await expect(asked).resolves.toBe("1987");
  });

  it("reads an event split across two writes", async () => {
    const path = makeFifo();
    entry = createKeypadPinEntry(path, log, { pollMs: 5 });
    const asked = entry.requestPin("PIN", 5000);
    const bytes = encodeKeys(["4", "3", "2", "1", "enter"]);
    const writer = await open(path, "w");
    await writer.write(bytes.subarray(0, 37));
    await pause(30);
    await writer.write(bytes.subarray(37));
    await writer.close();
    await expect(asked).resolves.toBe("4321");
  });

  it("takes back a digit on backspace and resolves null on escape", async () => {
    const path = makeFifo();
    entry = createKeypadPinEntry(path, log, { pollMs: 5 });
    const first = entry.requestPin("PIN", 5000);
    await writeToFifo(path, encodeKeys(["1", "2", "backspace", "3", "4", "5", "enter"]));
    await expect(first).resolves.toBe("1345");
    const second = entry.requestPin("PIN", 5000);
    await writeToFifo(path, encodeKeys(["1", "escape"]));
    await expect(second).resolves.toBeNull();
  });
});

describe("createKeypadPinEntry on a file", () => {
  it("reads only keys pressed while a PIN is asked for", async () => {
    const path = join(dir, "events");
    writeFileSync(path, encodeKeys(["9", "9", "9", "9", "enter"]));
    entry = createKeypadPinEntry(path, log, { pollMs: 5 });
    let answered = false;
    const asked = entry.requestPin("PIN", 5000).finally(() => {
      answered = true;
    });
    // Whole presses keep coming until one is read: which one is first depends on when the keypad opened.
    while (!answered) {
      appendFileSync(path, encodeKeys(["2", "4", "6", "8", "enter"]));
      await pause(30);
    }
    await expect(asked).resolves.toBe("2468");
  });

  it("resolves null when nobody answers in time", async () => {
    const path = join(dir, "events");
    writeFileSync(path, "");
    entry = createKeypadPinEntry(path, log, { pollMs: 5 });
    const started = Date.now();
    await expect(entry.requestPin("PIN", 120)).resolves.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it("resolves an open request with null when closed", async () => {
    const path = join(dir, "events");
    writeFileSync(path, "");
    entry = createKeypadPinEntry(path, log, { pollMs: 5 });
    const asked = entry.requestPin("PIN", 5000);
    await entry.close();
    await expect(asked).resolves.toBeNull();
  });

  it("resolves null and logs the device, never a PIN, when the keypad cannot be opened", async () => {
    entry = createKeypadPinEntry(join(dir, "missing"), log, { pollMs: 5 });
    await expect(entry.requestPin("PIN", 5000)).resolves.toBeNull();
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]?.message).toMatch(/cannot open the PIN keypad .*missing/);
  });
});
