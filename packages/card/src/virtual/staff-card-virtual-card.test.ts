import { verify } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { concatBytes, fromHex, toHex } from "../apdu/bytes";
import { decodeP256Point } from "../staff-card/p256-point";
import { connectInProcess } from "../transport/in-process";
import type { CardConnection } from "../transport/transport";
import { computeAtrChecksum } from "./contactless-atr";
import {
  createStaffCardVirtualCard,
  type StaffCardState,
  type StaffCardVirtualCard,
} from "./staff-card-virtual-card";
import { transmitHex } from "./transmit-hex";

const SELECT = "00 A4 04 0C 08 F0 54 4F 42 49 52 41 01";
const GENERATE = "00 47 80 00 00";
const CARD_ID = "5A 1B 0C 9D 33 70 41 E2 8F 06 B4 27 C9 10 5E 7A";
const PUT_CARD_ID = `00 DA 01 01 10 ${CARD_ID}`;
const ACTIVATE = "00 44 00 00";
const CHALLENGE = "00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 01 23 45 67 89 AB CD EF";

async function sw(connection: CardConnection, command: string): Promise<string> {
  const { sw } = await transmitHex(connection, command);
  return toHex(Uint8Array.of(sw >> 8, sw & 0xff));
}

describe("the virtual staff card", () => {
  let card: StaffCardVirtualCard;
  let connection: CardConnection;
  let changes: StaffCardState[];

  beforeEach(() => {
    changes = [];
    card = createStaffCardVirtualCard(
      { personalised: false },
      {
        onChange: (state) => {
          changes.push(state);
        },
      },
    );
    connection = connectInProcess(card);
  });

  it("presents a contactless ATR with a correct TCK", () => {
    expect(toHex(connection.atr)).toMatch(/^3B 87 80 01 54 4F 42 49 52 41 01 /);
    expect(computeAtrChecksum(connection.atr.subarray(1))).toBe(0);
  });

  it("selects only its own AID", async () => {
    expect(await sw(connection, SELECT)).toBe("90 00");
    expect(await sw(connection, "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01")).toBe("6A 82");
    expect(await sw(connection, "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08")).toBe("6A 82");
  });

  it("refuses every command but SELECT before the application is selected", async () => {
    expect(await sw(connection, "00 CA 01 03 00")).toBe("69 85");
    expect(await sw(connection, GENERATE)).toBe("69 85");
  });

  it("is personalised on the card: key generated inside, card ID written, then activated", async () => {
    await transmitHex(connection, SELECT);
    expect(toHex((await transmitHex(connection, "00 CA 01 03 00")).data)).toBe("03");
    expect(await sw(connection, "00 CA 01 01 00")).toBe("6A 88");
    expect(await sw(connection, ACTIVATE)).toBe("69 85");

    const generated = await transmitHex(connection, GENERATE);
    expect(generated.sw).toBe(0x9000);
    expect(generated.data).toHaveLength(65);
    expect(generated.data[0]).toBe(0x04);
    expect(await sw(connection, PUT_CARD_ID)).toBe("90 00");
    expect(await sw(connection, ACTIVATE)).toBe("90 00");

    expect(toHex((await transmitHex(connection, "00 CA 01 03 00")).data)).toBe("07");
    expect(toHex((await transmitHex(connection, "00 CA 01 01 00")).data)).toBe(CARD_ID);
    expect((await transmitHex(connection, "00 CA 01 02 00")).data).toEqual(generated.data);
    expect(changes.map((state) => state.personalised)).toEqual([false, false, true]);
  });

  describe("once personalised", () => {
    let point: Uint8Array;

    beforeEach(async () => {
      await transmitHex(connection, SELECT);
      point = (await transmitHex(connection, GENERATE)).data;
      await transmitHex(connection, PUT_CARD_ID);
      await transmitHex(connection, ACTIVATE);
    });

    it("signs the domain-separated message over card ID and challenge, as raw r||s", async () => {
      const response = await transmitHex(connection, `00 88 00 00 18 ${CHALLENGE} 00`);
      expect(response.sw).toBe(0x9000);
      expect(response.data).toHaveLength(64);
      const message = concatBytes(
        new TextEncoder().encode("TOBIRA-STAFFCARD-AUTH-v1"),
        fromHex(CARD_ID),
        fromHex(CHALLENGE),
      );
      const key = decodeP256Point(point);
      expect(verify("sha256", message, { key, dsaEncoding: "ieee-p1363" }, response.data)).toBe(true);
    });

    it("refuses every personalisation command with 69 85, whatever its parameters", async () => {
      for (const command of [GENERATE, "00 47 81 00 00", PUT_CARD_ID, "00 DA 01 02 01 00", ACTIVATE]) {
        expect(await sw(connection, command)).toBe("69 85");
      }
      expect(card.state.cardId).toEqual(fromHex(CARD_ID));
    });

    it("takes challenges of 16 to 64 bytes only", async () => {
      const bytes = (n: number) => toHex(new Uint8Array(n));
      expect(await sw(connection, `00 88 00 00 0F ${bytes(15)} 00`)).toBe("67 00");
      expect(await sw(connection, `00 88 00 00 10 ${bytes(16)} 00`)).toBe("90 00");
      expect(await sw(connection, `00 88 00 00 40 ${bytes(64)} 00`)).toBe("90 00");
      expect(await sw(connection, `00 88 00 00 41 ${bytes(65)} 00`)).toBe("67 00");
      expect(await sw(connection, "00 88 00 00")).toBe("67 00");
    });

    it("asks for the exact length when Le is short", async () => {
      expect(await sw(connection, `00 88 00 00 18 ${CHALLENGE} 20`)).toBe("6C 40");
      expect(await sw(connection, "00 CA 01 02 10")).toBe("6C 41");
    });
  });

  it("refuses to authenticate before activation", async () => {
    await transmitHex(connection, SELECT);
    await transmitHex(connection, GENERATE);
    await transmitHex(connection, PUT_CARD_ID);
    expect(await sw(connection, `00 88 00 00 18 ${CHALLENGE} 00`)).toBe("69 85");
  });

  it("answers 65 81 and keeps its state when its memory cannot be written", async () => {
    const failing = createStaffCardVirtualCard(
      { personalised: false },
      {
        onChange: () => {
          throw new Error("disk full");
        },
      },
    );
    const link = connectInProcess(failing);
    await transmitHex(link, SELECT);
    expect(await sw(link, GENERATE)).toBe("65 81");
    expect(failing.state.privateKey).toBeUndefined();
  });

  it("checks lengths, parameters, classes and instructions", async () => {
    await transmitHex(connection, SELECT);
    expect(await sw(connection, "00 DA 01 01 04 01 02 03 04")).toBe("67 00");
    expect(await sw(connection, "00 DA 01 05 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00")).toBe(
      "6A 88",
    );
    expect(await sw(connection, "00 47 00 00 00")).toBe("6A 86");
    expect(await sw(connection, "00 CA 01 09 00")).toBe("6A 88");
    expect(await sw(connection, "80 CA 01 01 00")).toBe("6E 00");
    expect(await sw(connection, "00 B0 00 00 00")).toBe("6D 00");
    expect(await sw(connection, "00 CA 01 01 00 00 00")).toBe("67 00");
  });

  it("lets the reader answer FF CA with a random ISO 14443 identifier (08 xx xx xx)", async () => {
    const response = await transmitHex(connection, "FF CA 00 00 00");
    expect(response.data).toHaveLength(4);
    expect(response.data[0]).toBe(0x08);
  });
});
