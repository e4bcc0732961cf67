import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derEcdsaToRaw, rawEcdsaToDer } from "./ecdsa-format";
import { SignatureError } from "./signature-error";

function parseHex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));
}

describe("ECDSA signature formats", () => {
  it("adds a sign byte to a high r and strips leading zeros of a short s", () => {
    const raw = parseHex(`80${"11".repeat(31)} 0000${"22".repeat(30)}`);
    const der = rawEcdsaToDer(raw);
    expect(Buffer.from(der).toString("hex")).toBe(
      `3043 0221 00 80${"11".repeat(31)} 021e ${"22".repeat(30)}`.replace(/\s+/g, ""),
    );
    expect(derEcdsaToRaw(der, 32)).toEqual(raw);
  });

  it("round-trips any r||s of P-256 and P-384 sizes", () => {
    fc.assert(
      fc.property(fc.constantFrom(32, 48), fc.uint8Array({ minLength: 96, maxLength: 96 }), (size, bytes) => {
        const raw = bytes.subarray(0, size * 2);
        expect(Buffer.from(derEcdsaToRaw(rawEcdsaToDer(raw), size)).equals(raw)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it.each([
    ["an odd length", () => rawEcdsaToDer(Uint8Array.of(1, 2, 3))],
    ["an empty signature", () => rawEcdsaToDer(Uint8Array.of())],
    ["DER that is not a SEQUENCE", () => derEcdsaToRaw(parseHex("020101"), 32)],
    ["a negative r", () => derEcdsaToRaw(parseHex("3006 0201 80 0201 01"), 32)],
    [
      "an r longer than the curve",
      () => derEcdsaToRaw(parseHex(`3026 0221 01${"00".repeat(32)} 0201 01`), 32),
    ],
    ["trailing data inside", () => derEcdsaToRaw(parseHex("3009 0201 01 0201 01 0500 00"), 32)],
  ])("throws a SignatureError for %s", (_, convert) => {
    expect(convert).toThrow(SignatureError);
  });

  it("gives raw bytes or a SignatureError for any DER input", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        try {
          expect(derEcdsaToRaw(bytes, 48)).toHaveLength(96);
        } catch (error) {
          if (!(error instanceof SignatureError)) throw error;
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
