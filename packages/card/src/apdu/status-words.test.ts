import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CardStatusError, interpretStatus, type StatusKind } from "./status-words";

const KINDS: StatusKind[] = [
  "ok",
  "more_data",
  "wrong_pin",
  "pin_blocked",
  "security_not_satisfied",
  "not_found",
  "wrong_length",
  "wrong_parameters",
  "not_supported",
  "conditions_not_satisfied",
  "memory_failure",
  "unknown",
];

describe("interpretStatus", () => {
  it.each([
    [0x9000, "ok", undefined],
    [0x6110, "more_data", 16],
    [0x6100, "more_data", 256],
    [0x6c05, "wrong_length", 5],
    [0x6c00, "wrong_length", 256],
    [0x63c3, "wrong_pin", 3],
    [0x63c1, "wrong_pin", 1],
    [0x63c0, "pin_blocked", 0],
    [0x6983, "pin_blocked", 0],
    [0x6984, "pin_blocked", 0],
    [0x6982, "security_not_satisfied", undefined],
    [0x6985, "conditions_not_satisfied", undefined],
    [0x6a82, "not_found", undefined],
    [0x6a86, "wrong_parameters", undefined],
    [0x6b00, "wrong_parameters", undefined],
    [0x6700, "wrong_length", undefined],
    [0x6d00, "not_supported", undefined],
    [0x6e00, "not_supported", undefined],
    [0x6581, "memory_failure", undefined],
    [0x6300, "unknown", undefined],
    [0x6f00, "unknown", undefined],
  ])("reads %s as %s", (sw, kind, count) => {
    const meaning = interpretStatus(sw);
    expect(meaning.kind).toBe(kind);
    expect(meaning.count).toBe(count);
  });

  it("names an unknown status word in its message", () => {
    expect(interpretStatus(0x6f00).message).toBe("status 6F 00");
  });

  it("gives a known kind and a message for every status word, and never throws", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), (sw) => {
        const meaning = interpretStatus(sw);
        expect(KINDS).toContain(meaning.kind);
        expect(meaning.message.length).toBeGreaterThan(0);
        if (meaning.count !== undefined) {
          expect(meaning.count).toBeGreaterThanOrEqual(0);
          expect(meaning.count).toBeLessThanOrEqual(256);
        }
      }),
      { numRuns: 2_000 },
    );
    for (const sw of [-1, 0x1_0000, Number.MAX_SAFE_INTEGER, 1.5])
      expect(() => interpretStatus(sw)).not.toThrow();
  });
});

describe("CardStatusError", () => {
  it("names the operation, the meaning and the status word", () => {
    const error = new CardStatusError("VERIFY user-auth PIN", 0x63c2);
    expect(error.message).toBe("VERIFY user-auth PIN: PIN not verified; 2 tries left (63 C2)");
    expect(error).toMatchObject({ kind: "wrong_pin", count: 2, sw: 0x63c2 });
  });
});
