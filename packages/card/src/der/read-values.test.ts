import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DerError } from "./der-error";
import { encodeInteger } from "./encode-integer";
import { encodeOid } from "./encode-oid";
import { encodeBitString, encodeBoolean } from "./encode-primitives";
import { encodePrintableString, encodeUtf8String } from "./encode-string";
import { encodeGeneralizedTime, encodeTime, encodeUtcTime } from "./encode-time";
import { encodeTlv } from "./encode-tlv";
import { expectResultOrTypedError, FUZZ_RUNS } from "./fuzz.fixture";
import { readBitString } from "./read-bit-string";
import { readInteger, readIntegerHex } from "./read-integer";
import { readOid } from "./read-oid";
import { readBoolean } from "./read-primitives";
import { readString } from "./read-string";
import { readTime } from "./read-time";
import { readSingleTlv } from "./read-tlv";
import { Tag } from "./tags";

function encodeAndRead(tag: number, content: number[] | string) {
  const bytes = typeof content === "string" ? Buffer.from(content, "latin1") : Uint8Array.from(content);
  return readSingleTlv(encodeTlv(tag, bytes));
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

describe("INTEGER", () => {
  it.each([
    [[0x00], 0n, "00"],
    [[0x7f], 127n, "7f"],
    [[0x00, 0x80], 128n, "80"],
    [[0x00, 0xc4, 0x2f, 0x01], 0xc42f01n, "c42f01"],
  ])("reads %j as %s (hex %s)", (content, value, hexValue) => {
    expect(readInteger(encodeAndRead(Tag.INTEGER, content))).toBe(value);
    expect(readIntegerHex(encodeAndRead(Tag.INTEGER, content))).toBe(hexValue);
  });

  it.each([
    [[0xff], -1n],
    [[0x80], -128n],
  ])("reads %j as %s, and refuses it as hex, where -128 would read as 128", (content, value) => {
    expect(readInteger(encodeAndRead(Tag.INTEGER, content))).toBe(value);
    expect(catchReason(() => readIntegerHex(encodeAndRead(Tag.INTEGER, content)))).toBe("invalid_value");
  });

  it.each([
    [[], "an empty INTEGER"],
    [[0x00, 0x7f], "a redundant leading 00"],
    [[0xff, 0x80], "a redundant leading FF"],
  ])("rejects %j (%s)", (content) => {
    expect(catchReason(() => readInteger(encodeAndRead(Tag.INTEGER, content)))).toBe("invalid_value");
  });

  it("reads back any bigint encodeInteger writes", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n }), (value) => {
        expect(readInteger(readSingleTlv(encodeInteger(value)))).toBe(value);
      }),
      { numRuns: 1_000 },
    );
  });

  it("writes unsigned bytes as a positive INTEGER", () => {
    expect([...encodeInteger(Uint8Array.of(0x00, 0x00, 0x80, 0x01))]).toEqual([0x02, 0x03, 0x00, 0x80, 0x01]);
    expect([...encodeInteger(Uint8Array.of(0, 0))]).toEqual([0x02, 0x01, 0x00]);
  });
});

describe("OBJECT IDENTIFIER", () => {
  it.each([
    ["2.16.840.1.101.3.4.2.1", "06 09 60 86 48 01 65 03 04 02 01"],
    ["1.2.840.113549.1.1.11", "06 09 2a 86 48 86 f7 0d 01 01 0b"],
    ["2.5.4.3", "06 03 55 04 03"],
    ["1.3.132.0.34", "06 05 2b 81 04 00 22"],
    ["2.999.3", "06 03 88 37 03"],
  ])("encodes and reads %s", (dotted, expected) => {
    expect(Buffer.from(encodeOid(dotted)).toString("hex")).toBe(expected.replace(/ /g, ""));
    expect(readOid(readSingleTlv(encodeOid(dotted)))).toBe(dotted);
  });

  it.each([
    [[], "empty"],
    [[0x2a, 0x86], "ending inside a sub-identifier"],
    [[0x2a, 0x80, 0x01], "padded with 0x80"],
  ])("rejects %j (%s)", (content) => {
    expect(catchReason(() => readOid(encodeAndRead(Tag.OID, content)))).toBe("invalid_value");
  });

  it("reads back any OID encodeOid writes", () => {
    const oid = fc
      .tuple(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 39 }),
        fc.array(fc.bigInt({ min: 0n, max: 2n ** 128n }), { maxLength: 10 }),
      )
      .map(([first, second, rest]) => [first, second, ...rest].join("."));
    fc.assert(
      fc.property(oid, (dotted) => {
        expect(readOid(readSingleTlv(encodeOid(dotted)))).toBe(dotted);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("time", () => {
  it.each([
    [Tag.UTC_TIME, "260401000000Z", "2026-04-01T00:00:00.000Z"],
    [Tag.UTC_TIME, "491231235959Z", "2049-12-31T23:59:59.000Z"],
    [Tag.UTC_TIME, "500101000000Z", "1950-01-01T00:00:00.000Z"],
    [Tag.GENERALIZED_TIME, "20500101000000Z", "2050-01-01T00:00:00.000Z"],
    [Tag.GENERALIZED_TIME, "20240229120000.5Z", "2024-02-29T12:00:00.500Z"],
  ])("reads %i %s as %s", (tag, text, iso) => {
    expect(readTime(encodeAndRead(tag, text))).toBe(iso);
  });

  it.each([
    [Tag.UTC_TIME, "2604010000Z", "no seconds"],
    [Tag.UTC_TIME, "260401000000+0900", "a zone offset"],
    [Tag.UTC_TIME, "260230000000Z", "30 February"],
    [Tag.UTC_TIME, "261301000000Z", "month 13"],
    [Tag.UTC_TIME, "260401240000Z", "hour 24"],
    [Tag.GENERALIZED_TIME, "20260401000000.50Z", "a trailing zero in the fraction"],
    [Tag.GENERALIZED_TIME, "20260401000000", "no Z"],
  ])("rejects %i %s (%s)", (tag, text, _why) => {
    expect(catchReason(() => readTime(encodeAndRead(tag, text)))).toBe("invalid_value");
  });

  it("writes UTCTime for 1950–2049 and GeneralizedTime outside, as X.509 requires", () => {
    expect(encodeTime(new Date("2049-12-31T23:59:59Z"))[0]).toBe(Tag.UTC_TIME);
    expect(encodeTime(new Date("1950-01-01T00:00:00Z"))[0]).toBe(Tag.UTC_TIME);
    expect(encodeTime(new Date("2050-01-01T00:00:00Z"))[0]).toBe(Tag.GENERALIZED_TIME);
    expect(encodeTime(new Date("1949-12-31T23:59:59Z"))[0]).toBe(Tag.GENERALIZED_TIME);
    expect(catchReason(() => encodeUtcTime(new Date("2050-01-01T00:00:00Z")))).toBe("invalid_value");
    expect(catchReason(() => encodeTime(new Date(Number.NaN)))).toBe("invalid_value");
  });

  it("reads back any whole-second time it writes", () => {
    const date = fc
      .date({
        min: new Date("0001-01-01T00:00:00Z"),
        max: new Date("9999-12-31T23:59:59Z"),
        noInvalidDate: true,
      })
      .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));
    fc.assert(
      fc.property(date, (value) => {
        expect(readTime(readSingleTlv(encodeTime(value)))).toBe(value.toISOString());
        expect(readTime(readSingleTlv(encodeGeneralizedTime(value)))).toBe(value.toISOString());
      }),
      { numRuns: 1_000 },
    );
  });

  it("gives an ISO string or a DerError for any 13 or 15 characters", () => {
    const text = fc.oneof(
      fc.string({ minLength: 13, maxLength: 13, unit: fc.constantFrom(..."0123456789Z+.") }),
      fc.string({ minLength: 15, maxLength: 15, unit: fc.constantFrom(..."0123456789Z+.") }),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(Tag.UTC_TIME, Tag.GENERALIZED_TIME), (value, tag) => {
        expectResultOrTypedError(() => expect(readTime(encodeAndRead(tag, value))).toMatch(/Z$/), [DerError]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("BIT STRING", () => {
  it("reads unused bits and bytes", () => {
    expect(readBitString(encodeAndRead(Tag.BIT_STRING, [0x07, 0x80]))).toEqual({
      unusedBits: 7,
      bytes: Uint8Array.of(0x80),
    });
    expect(readBitString(readSingleTlv(encodeBitString(Uint8Array.of(1, 2))))).toEqual({
      unusedBits: 0,
      bytes: Uint8Array.of(1, 2),
    });
  });

  it.each([
    [[], "no unused-bits octet"],
    [[0x08, 0x00], "8 unused bits"],
    [[0x01], "unused bits with no data"],
    [[0x01, 0x01], "a set unused bit"],
  ])("rejects %j (%s)", (content) => {
    expect(catchReason(() => readBitString(encodeAndRead(Tag.BIT_STRING, content)))).toBe("invalid_value");
  });
});

describe("strings and BOOLEAN", () => {
  it.each([
    [Tag.PRINTABLE_STRING, [...Buffer.from("JPKI for user authentication")], "JPKI for user authentication"],
    [Tag.UTF8_STRING, [...Buffer.from("公的個人認証")], "公的個人認証"],
    [Tag.IA5_STRING, [...Buffer.from("staff@example.jp")], "staff@example.jp"],
    [Tag.TELETEX_STRING, [0x4d, 0xfc, 0x6e], "Mün"],
    [Tag.BMP_STRING, [0x30, 0x6e], "の"],
    [Tag.UNIVERSAL_STRING, [0x00, 0x01, 0xf6, 0x00], "😀"],
    [Tag.NUMERIC_STRING, [...Buffer.from("0123 45")], "0123 45"],
  ])("reads tag %i", (tag, content, text) => {
    expect(readString(encodeAndRead(tag, content))).toBe(text);
  });

  it.each([
    [Tag.PRINTABLE_STRING, [...Buffer.from("a@b")]],
    [Tag.UTF8_STRING, [0xc3, 0x28]],
    [Tag.IA5_STRING, [0x80]],
    [Tag.BMP_STRING, [0x00]],
    [Tag.UNIVERSAL_STRING, [0x00, 0x11, 0x00, 0x00]],
  ])("rejects bad content for tag %i", (tag, content) => {
    expect(catchReason(() => readString(encodeAndRead(tag, content)))).toBe("invalid_value");
  });

  it("round-trips UTF8String and PrintableString", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(readString(readSingleTlv(encodeUtf8String(text)))).toBe(text);
      }),
      { numRuns: 500 },
    );
    expect(readString(readSingleTlv(encodePrintableString("TEST CA - not J-LIS")))).toBe(
      "TEST CA - not J-LIS",
    );
    expect(catchReason(() => encodePrintableString("日本"))).toBe("invalid_value");
  });

  it("reads DER booleans only", () => {
    expect(readBoolean(readSingleTlv(encodeBoolean(true)))).toBe(true);
    expect(readBoolean(readSingleTlv(encodeBoolean(false)))).toBe(false);
    expect(catchReason(() => readBoolean(encodeAndRead(Tag.BOOLEAN, [0x01])))).toBe("invalid_value");
  });
});
