import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toHex } from "../apdu/bytes";
import { identifyStorageCard } from "../uid/storage-card";
import { buildContactlessAtr, buildStorageCardAtr, computeAtrChecksum } from "./contactless-atr";

describe("contactless ATRs (PC/SC part 3)", () => {
  it("builds the ATR readers report for MIFARE Classic 1K, TCK included", () => {
    expect(toHex(buildStorageCardAtr("mifare"))).toBe(
      "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A",
    );
  });

  it("builds the ATR readers report for FeliCa, TCK included", () => {
    expect(toHex(buildStorageCardAtr("felica"))).toBe(
      "3B 8F 80 01 80 4F 0C A0 00 00 03 06 11 00 3B 00 00 00 00 42",
    );
  });

  it("makes every ATR's bytes after TS XOR to zero, as TCK requires", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 15 }), (historical) => {
        const atr = buildContactlessAtr(historical);
        expect(atr[1]).toBe(0x80 | historical.length);
        expect(computeAtrChecksum(atr.subarray(1))).toBe(0);
      }),
    );
  });

  it("refuses more than 15 historical bytes", () => {
    expect(() => buildContactlessAtr(new Uint8Array(16))).toThrow(RangeError);
  });

  it("recognises its own storage-card ATRs and nothing else", () => {
    expect(identifyStorageCard(buildStorageCardAtr("felica"))).toBe("felica");
    expect(identifyStorageCard(buildStorageCardAtr("mifare"))).toBe("mifare");
    expect(identifyStorageCard(buildContactlessAtr(Uint8Array.of(0x54, 0x4f)))).toBeNull();
  });
});
