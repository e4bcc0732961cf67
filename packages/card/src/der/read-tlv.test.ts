import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DerError } from "./der-error";
import { encodeTlv } from "./encode-tlv";
import { expectResultOrTypedError, FUZZ_RUNS, generateRandomBytes } from "./fuzz.fixture";
import { readHeader, readSingleTlv, readTlv } from "./read-tlv";

function parseHex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));
}

function catchReason(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof DerError) return error.reason;
    throw error;
  }
  return "none";
}

describe("readTlv", () => {
  it.each([
    ["short form", "04 03 aa bb cc", 3, 2],
    ["1-byte long form", `04 81 80 ${"00".repeat(128)}`, 128, 3],
    ["2-byte long form", `04 82 01 00 ${"00".repeat(256)}`, 256, 4],
    ["3-byte long form", `04 83 01 00 00 ${"00".repeat(65_536)}`, 65_536, 5],
  ])("reads a %s length", (_, input, length, headerLength) => {
    const tlv = readTlv(parseHex(input), 0);
    expect(tlv).toMatchObject({ tag: 0x04, constructed: false, length, headerLength });
    expect(tlv.end).toBe(headerLength + length);
    expect(tlv.value.length).toBe(length);
  });

  it("reads a 4-byte long form length", () => {
    const bytes = new Uint8Array(6 + 16_777_216);
    bytes.set([0x04, 0x84, 0x01, 0x00, 0x00, 0x00]);
    expect(readTlv(bytes, 0)).toMatchObject({ length: 16_777_216, headerLength: 6, end: bytes.length });
  });

  it("returns the value as a view into the input at an offset", () => {
    const bytes = parseHex("ff 30 03 02 01 05 ee");
    const tlv = readTlv(bytes, 1);
    expect(tlv).toMatchObject({
      tag: 0x30,
      constructed: true,
      offset: 1,
      headerLength: 2,
      length: 3,
      end: 6,
    });
    expect([...tlv.value]).toEqual([0x02, 0x01, 0x05]);
    expect(tlv.value.buffer).toBe(bytes.buffer);
    expect([...tlv.der]).toEqual([0x30, 0x03, 0x02, 0x01, 0x05]);
  });

  it.each([
    ["an indefinite length", "30 80 00 00", "indefinite_length"],
    ["a 5-byte length", "04 85 00 00 00 00 01 00", "unsupported_length"],
    ["a long form for a short length", "04 81 05 00 00 00 00 00", "non_minimal_length"],
    ["a long form with a leading zero", `04 82 00 80 ${"00".repeat(128)}`, "non_minimal_length"],
    ["a length past the end of the input", "04 05 00 00", "truncated"],
    ["a 4-byte length past the end", "04 84 7f ff ff ff 00", "truncated"],
    ["a header cut inside the length", "04 82 01", "truncated"],
    ["an empty input", "", "truncated"],
    ["a multi-byte tag", "1f 81 00 00", "unsupported_tag"],
    ["tag 0", "00 00", "unsupported_tag"],
  ])("rejects %s", (_, input, reason) => {
    expect(catchReason(() => readTlv(parseHex(input), 0))).toBe(reason);
  });

  it("reads a header whose value has not arrived yet", () => {
    expect(readHeader(parseHex("30 82 06 2b 30 82"), 0)).toEqual({
      tag: 0x30,
      constructed: true,
      offset: 0,
      headerLength: 4,
      length: 0x062b,
    });
  });

  it("rejects data after a single element", () => {
    expect(catchReason(() => readSingleTlv(parseHex("05 00 00")))).toBe("trailing_data");
    expect(readSingleTlv(parseHex("05 00")).length).toBe(0);
  });

  it("reads back what encodeTlv writes, for any tag and length", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 0xfe }).filter((tag) => (tag & 0x1f) !== 0x1f),
        fc.uint8Array({ maxLength: 600 }),
        (tag, content) => {
          const tlv = readSingleTlv(encodeTlv(tag, content));
          expect(tlv.tag).toBe(tag);
          expect(Buffer.from(tlv.value).equals(content)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("gives an element or a DerError for random bytes at any offset", () => {
    fc.assert(
      fc.property(generateRandomBytes(64), fc.nat({ max: 70 }), (bytes, offset) => {
        expectResultOrTypedError(() => {
          const tlv = readTlv(bytes, offset);
          expect(tlv.end).toBeLessThanOrEqual(bytes.length);
          expect(tlv.end).toBe(offset + tlv.headerLength + tlv.length);
        }, [DerError]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
