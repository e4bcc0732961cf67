import { describe, expect, it } from "vitest";
import { encodeInputEvent, inputEventSize, parseInputEvents, readPinKey } from "./input-event";

describe("parseInputEvents", () => {
  it("reads type, code and value after the 16-byte timeval and keeps a partial event", () => {
    const bytes = Buffer.concat([
      encodeInputEvent({ type: 1, code: 79, value: 1 }, new Date("2026-11-27T00:30:00.250Z")),
      encodeInputEvent({ type: 0, code: 0, value: 0 }),
      encodeInputEvent({ type: 1, code: 96, value: 0 }).subarray(0, 10),
    ]);
    const { events, rest } = parseInputEvents(bytes);
    expect(events).toEqual([
      { type: 1, code: 79, value: 1 },
      { type: 0, code: 0, value: 0 },
    ]);
    expect(rest).toHaveLength(10);
    expect(inputEventSize).toBe(24);
  });

  it("writes the timeval as seconds and microseconds", () => {
    const bytes = encodeInputEvent({ type: 1, code: 2, value: 1 }, new Date("2026-11-27T00:30:00.250Z"));
    expect(bytes.readBigInt64LE(0)).toBe(BigInt(Date.parse("2026-11-27T00:30:00Z") / 1000));
    expect(bytes.readBigInt64LE(8)).toBe(250_000n);
  });
});

describe("readPinKey", () => {
  it.each([
    [2, "1"],
    [10, "9"],
    [11, "0"],
    [82, "0"],
    [79, "1"],
    [80, "2"],
    [81, "3"],
    [75, "4"],
    [76, "5"],
    [77, "6"],
    [71, "7"],
    [72, "8"],
    [73, "9"],
  ])("reads key code %i as the digit %s", (code, digit) => {
    expect(readPinKey({ type: 1, code, value: 1 })).toEqual({ kind: "digit", digit });
  });

  it.each([
    [28, "enter"],
    [96, "enter"],
    [14, "backspace"],
    [1, "cancel"],
  ])("reads key code %i as %s", (code, kind) => {
    expect(readPinKey({ type: 1, code, value: 1 })).toEqual({ kind });
  });

  it("ignores releases, auto-repeats, other event types and other keys", () => {
    expect(readPinKey({ type: 1, code: 2, value: 0 })).toBeNull();
    expect(readPinKey({ type: 1, code: 2, value: 2 })).toBeNull();
    expect(readPinKey({ type: 4, code: 2, value: 1 })).toBeNull();
    expect(readPinKey({ type: 1, code: 30, value: 1 })).toBeNull();
  });
});
