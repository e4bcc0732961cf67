import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fromHex } from "../apdu/bytes";
import { connectInProcess } from "../transport/in-process";
import { createJpkiVirtualCard } from "../virtual/jpki-virtual-card";
import { createUidVirtualCard } from "../virtual/uid-virtual-card";
import { CardUidError } from "./card-uid-error";
import { readCardUid } from "./read-card-uid";
import { identifyStorageCard } from "./storage-card";

function respondAlways(response: string) {
  return { atr: fromHex("3B 80 80 01 01"), respond: () => fromHex(response) };
}

describe("readCardUid", () => {
  it("reads a FeliCa IDm of 8 bytes and sees a FeliCa card in the ATR", async () => {
    const connection = connectInProcess(
      createUidVirtualCard({ technology: "felica", uid: fromHex("01 2E 4C 1A 7B 33 09 55") }),
    );
    expect(await readCardUid(connection)).toBe("012e4c1a7b330955");
    expect(identifyStorageCard(connection.atr)).toBe("felica");
  });

  it("reads MIFARE UIDs of 4 and 7 bytes", async () => {
    for (const uid of ["8A 3C 11 F0", "04 52 7A 9A 6B 51 80"]) {
      const connection = connectInProcess(createUidVirtualCard({ technology: "mifare", uid: fromHex(uid) }));
      expect(await readCardUid(connection)).toBe(uid.replaceAll(" ", "").toLowerCase());
      expect(identifyStorageCard(connection.atr)).toBe("mifare");
    }
  });

  it("gets a different identifier from the same My Number Card at every tap, so it can never key a credential", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const card = createJpkiVirtualCard({
      pin: "1234",
      pinTriesLeft: 3,
      pinMaxTries: 3,
      userAuthCertificate: fromHex("30 03 02 01 01"),
      caCertificate: fromHex("30 03 02 01 02"),
      privateKey,
    });
    const seen = new Set<string>();
    for (let tap = 0; tap < 8; tap++) {
      const connection = connectInProcess(card);
      seen.add(await readCardUid(connection));
      expect(identifyStorageCard(connection.atr)).toBeNull();
    }
    expect(seen.size).toBe(8);
  });

  it("says the reader does not support the command when it answers 6A 81", async () => {
    const error = await readCardUid(connectInProcess(respondAlways("6A 81"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardUidError);
    expect(error).toMatchObject({ reason: "not_supported", sw: 0x6a81 });
  });

  it("reports a reader failure (63 00) as failed", async () => {
    await expect(readCardUid(connectInProcess(respondAlways("63 00")))).rejects.toMatchObject({
      reason: "failed",
    });
  });

  it("refuses a UID of a length no card has", async () => {
    await expect(readCardUid(connectInProcess(respondAlways("01 02 03 04 05 90 00")))).rejects.toMatchObject({
      reason: "malformed_uid",
    });
  });
});
