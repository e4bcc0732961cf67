import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectResultOrTypedError, FUZZ_RUNS, generateRandomBytes } from "../der/fuzz.fixture";
import { fromHex, toHex } from "./bytes";
import { ApduResponseError, decodeResponse, encodeResponse, swHex } from "./response";

describe("decodeResponse and encodeResponse", () => {
  it("splits data and status word", () => {
    expect(decodeResponse(fromHex("30 82 06 2B 90 00"))).toEqual({
      data: fromHex("30 82 06 2B"),
      sw: 0x9000,
    });
    expect(decodeResponse(fromHex("63 C3"))).toEqual({ data: new Uint8Array(0), sw: 0x63c3 });
    expect(swHex(0x6a82)).toBe("6A 82");
  });

  it.each([[""], ["90"]])("refuses a response of %j without a whole status word", (text) => {
    expect(() => decodeResponse(fromHex(text))).toThrow(ApduResponseError);
  });

  it("round-trips any response", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 0xffff }), (data, sw) => {
        const bytes = encodeResponse({ data, sw });
        expect(decodeResponse(bytes)).toEqual({ data, sw });
        expect(toHex(encodeResponse(decodeResponse(bytes)))).toBe(toHex(bytes));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("gives a response or an ApduResponseError for random bytes", () => {
    fc.assert(
      fc.property(generateRandomBytes(300), (bytes) => {
        expectResultOrTypedError(() => {
          const response = decodeResponse(bytes);
          expect(response.data.length).toBe(bytes.length - 2);
          expect(response.sw).toBeGreaterThanOrEqual(0);
          expect(response.sw).toBeLessThanOrEqual(0xffff);
        }, [ApduResponseError]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
