import { describe, expect, it } from "vitest";
import { DerError } from "./der-error";
import { encodeInteger } from "./encode-integer";
import { encodeNull, encodeOctetString } from "./encode-primitives";
import {
  encodeContextExplicit,
  encodeContextImplicit,
  encodeLength,
  encodeSequence,
  encodeSet,
} from "./encode-tlv";

function toHexString(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

describe("DER writer", () => {
  it.each([
    [0, "00"],
    [127, "7f"],
    [128, "8180"],
    [255, "81ff"],
    [256, "820100"],
    [65_536, "83010000"],
    [0xffff_ffff, "84ffffffff"],
  ])("encodes length %i minimally", (length, expected) => {
    expect(toHexString(encodeLength(length))).toBe(expected);
  });

  it("refuses lengths it cannot write", () => {
    expect(() => encodeLength(2 ** 32)).toThrow(DerError);
    expect(() => encodeLength(-1)).toThrow(DerError);
  });

  it("sorts the elements of a SET by their encodings", () => {
    const set = encodeSet([encodeInteger(300n), encodeNull(), encodeInteger(2n)]);
    // 02 01 02 < 02 02 01 2c < 05 00
    expect(toHexString(set)).toBe("3109020102" + "0202012c0500");
  });

  it("keeps SEQUENCE order", () => {
    expect(toHexString(encodeSequence([encodeNull(), encodeInteger(1n)]))).toBe("3005" + "0500" + "020101");
  });

  it("writes explicit and implicit context tags", () => {
    expect(toHexString(encodeContextExplicit(0, encodeInteger(2n)))).toBe("a003020102");
    expect(toHexString(encodeContextImplicit(0, encodeOctetString(Uint8Array.of(0xab))))).toBe("8001ab");
    expect(toHexString(encodeContextImplicit(3, encodeSequence([])))).toBe("a300");
  });
});
