import { generateKeyPairSync, randomBytes, verify } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { concatBytes, fromHex, toHex } from "../apdu/bytes";
import { exchange } from "../apdu/exchange";
import { digestInfo } from "../signature/index";
import { connectInProcess } from "../transport/in-process";
import type { CardConnection } from "../transport/transport";
import { createJpkiVirtualCard, type JpkiVirtualCard } from "./jpki-virtual-card";
import { transmitHex } from "./transmit-hex";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

/** A certificate-shaped file of 1,583 bytes, the size of a real card's user certificate. */
const userAuthCertificate = concatBytes(fromHex("30 82 06 2B"), new Uint8Array(randomBytes(1579)));
const caCertificate = concatBytes(fromHex("30 82 03 00"), new Uint8Array(randomBytes(0x300)));

const SELECT_JPKI = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01";
const SELECT_CARD_INFO_INPUT_AP = "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08";
const SELECT_CERTIFICATE = "00 A4 02 0C 02 00 0A";
const SELECT_PIN = "00 A4 02 0C 02 00 18";
const SELECT_KEY = "00 A4 02 0C 02 00 17";
const VERIFY_1234 = "00 20 00 80 04 31 32 33 34";
const VERIFY_9999 = "00 20 00 80 04 39 39 39 39";

function signCommand(data: Uint8Array): string {
  return `80 2A 00 80 ${toHex(Uint8Array.of(data.length))} ${toHex(data)} 00`;
}

async function sw(connection: CardConnection, command: string): Promise<string> {
  const { sw } = await transmitHex(connection, command);
  return toHex(Uint8Array.of(sw >> 8, sw & 0xff));
}

describe("the virtual My Number Card (JPKI)", () => {
  let card: JpkiVirtualCard;
  let connection: CardConnection;
  let stored: number[];

  beforeEach(() => {
    stored = [];
    card = createJpkiVirtualCard({
      pin: "1234",
      pinTriesLeft: 3,
      pinMaxTries: 3,
      userAuthCertificate,
      caCertificate,
      privateKey,
      onPinTriesChange: (tries) => {
        stored.push(tries);
      },
    });
    connection = connectInProcess(card);
  });

  it("presents the ATR OpenSC matches", () => {
    expect(toHex(connection.atr)).toBe("3B E0 00 FF 81 31 FE 45 14");
  });

  describe("SELECT", () => {
    it("selects the JPKI application by AID", async () => {
      expect(await transmitHex(connection, SELECT_JPKI)).toEqual({ data: new Uint8Array(0), sw: 0x9000 });
    });

    it("returns an FCI naming the AID when P2 asks for one", async () => {
      const response = await transmitHex(connection, "00 A4 04 00 0A D3 92 F0 00 26 01 00 00 00 01 00");
      expect(response.sw).toBe(0x9000);
      expect(toHex(response.data)).toBe("6F 0C 84 0A D3 92 F0 00 26 01 00 00 00 01");
    });

    it("answers 6A 82 to other applications' AIDs, as OpenSC's probing drivers need", async () => {
      expect(await sw(connection, "00 A4 04 00 07 A0 00 00 03 08 00 00 00")).toBe("6A 82");
      expect(await sw(connection, "00 A4 04 0C 06 A0 00 00 00 63 01")).toBe("6A 82");
      expect(card.forbiddenSelections).toEqual([]);
    });

    it("refuses the 券面事項入力補助AP and records the attempt", async () => {
      expect(await sw(connection, SELECT_CARD_INFO_INPUT_AP)).toBe("6A 82");
      expect(card.forbiddenSelections).toEqual([
        { application: "券面事項入力補助AP", aid: "D3 92 10 00 31 00 01 01 04 08" },
      ]);
    });

    it("records attempts on the 券面事項入力補助AP and 券面事項確認AP in any form of SELECT", async () => {
      await transmitHex(connection, "00 A4 04 00 0A D3 92 10 00 31 00 01 01 04 08 00");
      await transmitHex(connection, "80 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08");
      await transmitHex(connection, "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02");
      expect(card.forbiddenSelections.map((entry) => entry.application)).toEqual([
        "券面事項入力補助AP",
        "券面事項入力補助AP",
        "券面事項確認AP",
      ]);
    });

    it("keeps the current application when a selection fails", async () => {
      await transmitHex(connection, SELECT_JPKI);
      expect(await sw(connection, SELECT_CARD_INFO_INPUT_AP)).toBe("6A 82");
      expect(await sw(connection, SELECT_CERTIFICATE)).toBe("90 00");
    });

    it("finds no file before the application is selected", async () => {
      expect(await sw(connection, SELECT_CERTIFICATE)).toBe("6A 82");
    });

    it("has no signature certificate, its CA certificate or its key", async () => {
      await transmitHex(connection, SELECT_JPKI);
      for (const fid of ["00 01", "00 02", "00 1A", "3F 00"]) {
        expect(await sw(connection, `00 A4 02 0C 02 ${fid}`)).toBe("6A 82");
      }
    });

    it("gives the file size in an FCP when asked", async () => {
      await transmitHex(connection, SELECT_JPKI);
      const response = await transmitHex(connection, "00 A4 02 04 02 00 0A 00");
      expect(toHex(response.data)).toBe("62 08 80 02 06 2F 83 02 00 0A");
    });
  });

  describe("READ BINARY", () => {
    beforeEach(async () => {
      await transmitHex(connection, SELECT_JPKI);
    });

    it("reads the token info, JPKIAPICCTOKEN2 padded with spaces to 32 bytes", async () => {
      await transmitHex(connection, "00 A4 02 0C 02 00 06");
      const response = await transmitHex(connection, "00 B0 00 00 00");
      expect(new TextDecoder().decode(response.data)).toBe(`JPKIAPICCTOKEN2${" ".repeat(17)}`);
    });

    it("reads the user-auth certificate in 256-byte blocks, the last one short", async () => {
      await transmitHex(connection, SELECT_CERTIFICATE);
      const blocks: Uint8Array[] = [];
      for (let offset = 0; offset < userAuthCertificate.length; offset += 256) {
        const response = await transmitHex(
          connection,
          `00 B0 ${toHex(Uint8Array.of(offset >> 8, offset & 0xff))} 00`,
        );
        expect(response.sw).toBe(0x9000);
        blocks.push(response.data);
      }
      expect(blocks).toHaveLength(7);
      expect(blocks.at(-1)).toHaveLength(1583 - 6 * 256);
      expect(concatBytes(...blocks)).toEqual(userAuthCertificate);
    });

    it("answers OpenSC's 4-byte length probe", async () => {
      await transmitHex(connection, SELECT_CERTIFICATE);
      expect(toHex((await transmitHex(connection, "00 B0 00 00 04")).data)).toBe("30 82 06 2B");
    });

    it("reads the CA certificate", async () => {
      await transmitHex(connection, "00 A4 02 0C 02 00 0B");
      expect((await transmitHex(connection, "00 B0 00 00 00")).data).toEqual(caCertificate.subarray(0, 256));
    });

    it("answers 6B 00 for an offset at or past the end", async () => {
      await transmitHex(connection, SELECT_CERTIFICATE);
      expect(await sw(connection, "00 B0 06 2F 01")).toBe("6B 00");
      expect(await sw(connection, "00 B0 7F FF 00")).toBe("6B 00");
      expect((await transmitHex(connection, "00 B0 06 2E 00")).data).toHaveLength(1);
    });

    it("treats an extended-length read as unsupported (67 00)", async () => {
      await transmitHex(connection, SELECT_CERTIFICATE);
      expect(await sw(connection, "00 B0 00 00 00 06 2F")).toBe("67 00");
    });

    it("needs a current binary file", async () => {
      expect(await sw(connection, "00 B0 00 00 00")).toBe("69 86");
      await transmitHex(connection, SELECT_PIN);
      expect(await sw(connection, "00 B0 00 00 00")).toBe("69 81");
    });
  });

  describe("VERIFY", () => {
    beforeEach(async () => {
      await transmitHex(connection, SELECT_JPKI);
      await transmitHex(connection, SELECT_PIN);
    });

    it("tells the tries left for an empty VERIFY without spending one", async () => {
      expect(await sw(connection, "00 20 00 80")).toBe("63 C3");
      expect(await sw(connection, "00 20 00 80")).toBe("63 C3");
      expect(stored).toEqual([]);
    });

    it("answers OpenSC's empty VERIFY on the signature password with 63 C5", async () => {
      await transmitHex(connection, "00 A4 02 0C 02 00 1B");
      expect(await sw(connection, "00 20 00 80")).toBe("63 C5");
      expect(await sw(connection, "00 20 00 80 06 31 32 33 34 35 36")).toBe("69 85");
    });

    it("counts a wrong PIN and restores the tries on the right one", async () => {
      expect(await sw(connection, VERIFY_9999)).toBe("63 C2");
      expect(await sw(connection, "00 20 00 80")).toBe("63 C2");
      expect(await sw(connection, VERIFY_1234)).toBe("90 00");
      expect(await sw(connection, "00 20 00 80")).toBe("63 C3");
      expect(stored).toEqual([2, 3]);
    });

    it("blocks after the last wrong try and then answers every VERIFY with 69 84", async () => {
      expect(await sw(connection, VERIFY_9999)).toBe("63 C2");
      expect(await sw(connection, VERIFY_9999)).toBe("63 C1");
      expect(await sw(connection, VERIFY_9999)).toBe("63 C0");
      expect(await sw(connection, "00 20 00 80")).toBe("69 84");
      expect(await sw(connection, VERIFY_1234)).toBe("69 84");
      expect(card.pinTriesLeft).toBe(0);
      expect(stored).toEqual([2, 1, 0]);
    });

    it("answers a PIN of the wrong length with 67 00 and spends nothing", async () => {
      expect(await sw(connection, "00 20 00 80 05 31 32 33 34 35")).toBe("67 00");
      expect(card.pinTriesLeft).toBe(3);
    });

    it("answers 65 81 and keeps its counter when the new counter cannot be stored", async () => {
      const failing = createJpkiVirtualCard({
        pin: "1234",
        pinTriesLeft: 3,
        pinMaxTries: 3,
        userAuthCertificate,
        caCertificate,
        privateKey,
        onPinTriesChange: () => {
          throw new Error("disk full");
        },
      });
      const link = connectInProcess(failing);
      await transmitHex(link, SELECT_JPKI);
      await transmitHex(link, SELECT_PIN);
      expect(await sw(link, VERIFY_9999)).toBe("65 81");
      expect(failing.pinTriesLeft).toBe(3);
    });

    it("needs a PIN file selected", async () => {
      await transmitHex(connection, SELECT_CERTIFICATE);
      expect(await sw(connection, VERIFY_1234)).toBe("69 81");
    });
  });

  describe("SIGN", () => {
    const message = new TextEncoder().encode("challenge from the server room door");

    beforeEach(async () => {
      await transmitHex(connection, SELECT_JPKI);
    });

    it("refuses to sign before VERIFY (69 82)", async () => {
      await transmitHex(connection, SELECT_KEY);
      expect(await sw(connection, signCommand(digestInfo("sha256", message)))).toBe("69 82");
    });

    it("signs a DigestInfo with the user-auth key after VERIFY: RSA PKCS#1 v1.5, 256 bytes", async () => {
      await transmitHex(connection, SELECT_PIN);
      await transmitHex(connection, VERIFY_1234);
      await transmitHex(connection, SELECT_KEY);
      const response = await transmitHex(connection, signCommand(digestInfo("sha256", message)));
      expect(response.sw).toBe(0x9000);
      expect(response.data).toHaveLength(256);
      expect(verify("sha256", message, publicKey, response.data)).toBe(true);
    });

    it("forgets the PIN when the application is selected again or the card is reset", async () => {
      await transmitHex(connection, SELECT_PIN);
      await transmitHex(connection, VERIFY_1234);
      await transmitHex(connection, SELECT_JPKI);
      await transmitHex(connection, SELECT_KEY);
      expect(await sw(connection, signCommand(digestInfo("sha256", message)))).toBe("69 82");

      await transmitHex(connection, SELECT_PIN);
      await transmitHex(connection, VERIFY_1234);
      card.reset();
      await transmitHex(connection, SELECT_JPKI);
      await transmitHex(connection, SELECT_KEY);
      expect(await sw(connection, signCommand(digestInfo("sha256", message)))).toBe("69 82");
    });

    it("forgets the PIN after a wrong one", async () => {
      await transmitHex(connection, SELECT_PIN);
      await transmitHex(connection, VERIFY_1234);
      await transmitHex(connection, VERIFY_9999);
      await transmitHex(connection, SELECT_KEY);
      expect(await sw(connection, signCommand(digestInfo("sha256", message)))).toBe("69 82");
    });

    it("asks for the full length (6C 00) when Le is short; exchange does not repeat a command with data", async () => {
      await transmitHex(connection, SELECT_PIN);
      await transmitHex(connection, VERIFY_1234);
      await transmitHex(connection, SELECT_KEY);
      const data = digestInfo("sha256", message);
      expect(await sw(connection, `80 2A 00 80 33 ${toHex(data)} 80`)).toBe("6C 00");
      const response = await exchange(connection, {
        cla: 0x80,
        ins: 0x2a,
        p1: 0x00,
        p2: 0x80,
        data,
        le: 128,
      });
      expect(response.sw).toBe(0x6c00);
      expect(response.data).toHaveLength(0);
    });

    it("needs the key file selected and a DigestInfo that fits the key", async () => {
      await transmitHex(connection, SELECT_PIN);
      await transmitHex(connection, VERIFY_1234);
      expect(await sw(connection, signCommand(digestInfo("sha256", message)))).toBe("69 81");
      await transmitHex(connection, SELECT_KEY);
      expect(await sw(connection, "80 2A 00 80 00")).toBe("67 00");
      expect(await sw(connection, signCommand(new Uint8Array(246)))).toBe("67 00");
    });
  });

  describe("classes and instructions", () => {
    it("answers a wrong class with 6E 00", async () => {
      expect(await sw(connection, "80 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01")).toBe("6E 00");
      expect(await sw(connection, "00 2A 00 80 01 00 00")).toBe("6E 00");
      expect(await sw(connection, "0C B0 00 00 00")).toBe("6E 00");
      expect(await sw(connection, "FF 00 00 00 00")).toBe("6E 00");
    });

    it("answers an unknown instruction with 6D 00", async () => {
      expect(await sw(connection, "00 88 00 00 08 01 02 03 04 05 06 07 08 00")).toBe("6D 00");
      expect(await sw(connection, "80 CA 01 01 00")).toBe("6D 00");
    });

    it("answers a command whose lengths do not add up with 67 00", async () => {
      expect(await sw(connection, "00 A4 04 0C 0A D3 92")).toBe("67 00");
      expect(await sw(connection, "00 A4")).toBe("67 00");
    });

    it("lets the reader answer FF CA with a random identifier that changes at every reset", async () => {
      const first = await transmitHex(connection, "FF CA 00 00 00");
      expect(first.sw).toBe(0x9000);
      expect(first.data).toHaveLength(4);
      expect((await transmitHex(connection, "FF CA 00 00 00")).data).toEqual(first.data);
      card.reset();
      expect((await transmitHex(connection, "FF CA 00 00 00")).data).toEqual(card.readerUid);
    });
  });
});
