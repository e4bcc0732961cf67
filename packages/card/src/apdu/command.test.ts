import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectResultOrTypedError,
  FUZZ_RUNS,
  generateMutatedBytes,
  generateRandomBytes,
} from "../der/fuzz.fixture";
import { fromHex, toHex } from "./bytes";
import { ApduEncodingError, type CommandApdu, decodeCommand, encodeCommand } from "./command";

const header = { cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00 };

describe("encodeCommand and decodeCommand", () => {
  it.each([
    ["case 1", { ...header }, {}, "00 B0 00 00"],
    ["case 2 short", { ...header, le: 4 }, {}, "00 B0 00 00 04"],
    ["case 2 short, Le 256", { ...header, le: 256 }, {}, "00 B0 00 00 00"],
    [
      "case 3 short (SELECT JPKI)",
      { cla: 0, ins: 0xa4, p1: 4, p2: 0x0c, data: fromHex("D3 92 F0 00 26 01 00 00 00 01") },
      {},
      "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01",
    ],
    [
      "case 4 short",
      { cla: 0x80, ins: 0x2a, p1: 0, p2: 0x80, data: fromHex("01 02"), le: 256 },
      {},
      "80 2A 00 80 02 01 02 00",
    ],
    ["case 2 extended", { ...header, le: 1000 }, {}, "00 B0 00 00 00 03 E8"],
    ["case 2 extended, Le 65536", { ...header, le: 65_536 }, {}, "00 B0 00 00 00 00 00"],
    ["case 2 extended on request", { ...header, le: 4 }, { extended: true }, "00 B0 00 00 00 00 04"],
    [
      "case 3 extended on request",
      { ...header, data: fromHex("AA") },
      { extended: true },
      "00 B0 00 00 00 00 01 AA",
    ],
    [
      "case 4 extended on request",
      { ...header, data: fromHex("AA"), le: 256 },
      { extended: true },
      "00 B0 00 00 00 00 01 AA 01 00",
    ],
  ] as const)("encodes %s", (_, command: CommandApdu, options, expected) => {
    const bytes = encodeCommand(command, options);
    expect(toHex(bytes)).toBe(expected);
    const decoded = decodeCommand(bytes);
    expect({ ...decoded, extended: undefined }).toEqual({ ...command, extended: undefined });
  });

  it("switches to extended encoding for more than 255 data bytes or Le over 256", () => {
    expect(decodeCommand(encodeCommand({ ...header, data: new Uint8Array(256) })).extended).toBe(true);
    expect(decodeCommand(encodeCommand({ ...header, le: 257 })).extended).toBe(true);
    const largest = encodeCommand({ ...header, data: new Uint8Array(65_535).fill(7), le: 65_536 });
    expect(largest).toHaveLength(4 + 3 + 65_535 + 2);
    expect(decodeCommand(largest)).toMatchObject({ le: 65_536, extended: true });
  });

  it.each([
    ["CLA 256", { ...header, cla: 256 }],
    ["INS -1", { ...header, ins: -1 }],
    ["P1 1.5", { ...header, p1: 1.5 }],
    ["Le 0", { ...header, le: 0 }],
    ["Le 65537", { ...header, le: 65_537 }],
    ["65536 data bytes", { ...header, data: new Uint8Array(65_536) }],
  ])("refuses %s", (_, command) => {
    expect(() => encodeCommand(command)).toThrow(ApduEncodingError);
  });

  it.each([
    ["fewer than 4 bytes", "00 A4 04"],
    ["Lc longer than the data", "00 A4 04 0C 05 01 02"],
    ["Lc shorter than the data", "00 A4 04 0C 01 01 02 03"],
    ["a cut extended length", "00 B0 00 00 00 01"],
    ["an extended Lc of 0", "00 B0 00 00 00 00 00 01"],
    ["extended Lc not matching", "00 B0 00 00 00 00 05 01 02"],
  ])("refuses to decode %s", (_, text) => {
    expect(() => decodeCommand(fromHex(text))).toThrow(ApduEncodingError);
  });
});

const byte = fc.integer({ min: 0, max: 255 });

function generateCommand(maxData: number, maxLe: number): fc.Arbitrary<CommandApdu> {
  return fc.record(
    {
      cla: byte,
      ins: byte,
      p1: byte,
      p2: byte,
      data: fc.uint8Array({ minLength: 1, maxLength: maxData }),
      le: fc.integer({ min: 1, max: maxLe }),
    },
    { requiredKeys: ["cla", "ins", "p1", "p2"] },
  );
}

describe("APDU round trips and fuzzing", () => {
  it("decodes what it encodes, cases 1–4, short", () => {
    fc.assert(
      fc.property(generateCommand(255, 256), (command) => {
        const decoded = decodeCommand(encodeCommand(command));
        expect(decoded.extended).toBe(false);
        expect({ ...decoded, extended: undefined }).toEqual({ ...command, extended: undefined });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("decodes what it encodes, cases 2–4, extended", () => {
    const extendedCommand = generateCommand(1_000, 65_536).filter(
      (c) => c.data !== undefined || c.le !== undefined,
    );
    fc.assert(
      fc.property(extendedCommand, fc.boolean(), (command, forced) => {
        const decoded = decodeCommand(encodeCommand(command, { extended: forced }));
        const needsExtended = (command.data?.length ?? 0) > 255 || (command.le ?? 0) > 256;
        expect(decoded.extended).toBe(forced || needsExtended);
        expect({ ...decoded, extended: undefined }).toEqual({ ...command, extended: undefined });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("gives a command or an ApduEncodingError for random bytes, and re-encodes a decoded one exactly", () => {
    const input = fc.oneof(
      generateRandomBytes(300),
      generateMutatedBytes(
        fromHex("80 2A 00 80 33 30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20 00"),
      ),
      generateMutatedBytes(fromHex("00 B0 00 00 00 01 00")),
    );
    fc.assert(
      fc.property(input, (bytes) => {
        expectResultOrTypedError(() => {
          const decoded = decodeCommand(bytes);
          expect(toHex(encodeCommand(decoded, { extended: decoded.extended }))).toBe(toHex(bytes));
        }, [ApduEncodingError]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
