import { describe, expect, it } from "vitest";
import { fromHex } from "../apdu/bytes";
import { encodeResponse } from "../apdu/response";
import { identifyCard } from "../profiles/identify-card";
import { countExchanges } from "../transport/counting-connection";
import { type ApduResponder, connectInProcess } from "../transport/in-process";
import { CertificateParseError } from "../x509/index";
import { readUserAuthCertificate, verifyPinGuarded } from "./jpki-client";

const ok = (data: Uint8Array = new Uint8Array()) => encodeResponse({ data, sw: 0x9000 });

/** A card that says yes to SELECT and answers READ BINARY with `firstBlock`. */
function cardClaiming(firstBlock: Uint8Array): ApduResponder {
  return {
    atr: fromHex("3B E0 00 FF 81 31 FE 45 14"),
    respond: (command) => (command[1] === 0xb0 ? ok(firstBlock) : ok()),
  };
}

describe("the JPKI client against cards that lie", () => {
  it("refuses a certificate claiming gigabytes after its first block, without reading on", async () => {
    const { connection, count } = countExchanges(
      connectInProcess(cardClaiming(fromHex("30 84 FF FF FF FF 30 00"))),
    );
    await expect(readUserAuthCertificate(connection)).rejects.toBeInstanceOf(CertificateParseError);
    expect(count.apdus).toBe(3);
  });

  it("refuses a certificate longer than READ BINARY offsets can reach", async () => {
    const { connection, count } = countExchanges(
      connectInProcess(cardClaiming(fromHex("30 82 FF FF 30 00"))),
    );
    await expect(readUserAuthCertificate(connection)).rejects.toThrow(/claims 65539 bytes/);
    expect(count.apdus).toBe(3);
  });

  it("sends the PIN once even when the card answers VERIFY with 6C xx", async () => {
    const sentPins: string[] = [];
    const card: ApduResponder = {
      atr: fromHex("3B E0 00 FF 81 31 FE 45 14"),
      respond(command) {
        if (command[1] === 0x20 && command.length > 5) {
          sentPins.push(Buffer.from(command.subarray(5, 9)).toString("latin1"));
          return encodeResponse({ data: new Uint8Array(), sw: 0x6c00 });
        }
        if (command[1] === 0x20) return encodeResponse({ data: new Uint8Array(), sw: 0x63c3 });
        return ok();
      },
    };
    await expect(verifyPinGuarded(connectInProcess(card), "1234")).rejects.toThrow();
    expect(sentPins).toEqual(["1234"]);
  });

  it("treats a card that refuses every application with any status as no card it knows", async () => {
    for (const sw of [0x6a81, 0x6985, 0x6a86, 0x6b00, 0x6a82, 0x6d00]) {
      const card: ApduResponder = {
        atr: fromHex("3B 00"),
        respond: () => encodeResponse({ data: new Uint8Array(), sw }),
      };
      expect(await identifyCard(connectInProcess(card)), `status ${sw.toString(16)}`).toBeNull();
    }
  });
});
