import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "../apdu/bytes";
import { connectInProcess } from "../transport/in-process";
import { transmitHex } from "./transmit-hex";
import { createUidVirtualCard } from "./uid-virtual-card";

describe("the virtual FeliCa / MIFARE card", () => {
  const felica = () =>
    connectInProcess(createUidVirtualCard({ technology: "felica", uid: fromHex("01 2E 4C 1A 7B 33 09 55") }));

  it("gives its UID for FF CA 00 00 00", async () => {
    const response = await transmitHex(felica(), "FF CA 00 00 00");
    expect(response).toEqual({ data: fromHex("01 2E 4C 1A 7B 33 09 55"), sw: 0x9000 });
  });

  it("answers a short Le with 6C and the UID's length", async () => {
    expect((await transmitHex(felica(), "FF CA 00 00 04")).sw).toBe(0x6c08);
  });

  it("does not offer the historical bytes (P1 01) or anything but P1 00", async () => {
    expect((await transmitHex(felica(), "FF CA 01 00 00")).sw).toBe(0x6a81);
  });

  it("runs no ISO 7816-4 application", async () => {
    expect((await transmitHex(felica(), "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01")).sw).toBe(0x6e00);
  });

  it("presents the PC/SC storage-card ATR for its technology", () => {
    const mifare = createUidVirtualCard({ technology: "mifare", uid: fromHex("8A 3C 11 F0") });
    expect(toHex(mifare.atr)).toBe("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A");
  });

  it("refuses a UID of the wrong length for its technology", () => {
    expect(() => createUidVirtualCard({ technology: "felica", uid: new Uint8Array(4) })).toThrow(/8 bytes/);
    expect(() => createUidVirtualCard({ technology: "mifare", uid: new Uint8Array(8) })).toThrow(
      /4 or 7 bytes/,
    );
  });
});
