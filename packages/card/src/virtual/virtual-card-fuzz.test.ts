import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concatBytes, fromHex } from "../apdu/bytes";
import { decodeResponse } from "../apdu/response";
import type { ApduResponder } from "../transport/in-process";
import { createJpkiVirtualCard } from "./jpki-virtual-card";
import { createStaffCardVirtualCard } from "./staff-card-virtual-card";
import { createUidVirtualCard } from "./uid-virtual-card";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

function createCards(): Record<string, ApduResponder> {
  return {
    jpki: createJpkiVirtualCard({
      pin: "1234",
      pinTriesLeft: 3,
      pinMaxTries: 3,
      userAuthCertificate: fromHex("30 82 01 00"),
      caCertificate: fromHex("30 03 02 01 01"),
      privateKey,
    }),
    "staff-card": createStaffCardVirtualCard({ personalised: false }),
    uid: createUidVirtualCard({ technology: "mifare", uid: fromHex("04 52 7A 9A 6B 51 80") }),
  };
}

/** Commands near the ones the cards know, so the fuzzing reaches past the class and instruction checks. */
const plausibleCommand = fc
  .record({
    cla: fc.constantFrom(0x00, 0x80, 0xff, 0x0c),
    ins: fc.constantFrom(0xa4, 0xb0, 0x20, 0x2a, 0xca, 0x88, 0x47, 0xda, 0x44, 0xc0),
    p1: fc.oneof(fc.constantFrom(0x00, 0x02, 0x04, 0x80, 0x01), fc.integer({ min: 0, max: 255 })),
    p2: fc.oneof(fc.constantFrom(0x00, 0x0c, 0x80, 0x01, 0x02, 0x03), fc.integer({ min: 0, max: 255 })),
    body: fc.oneof(
      fc.constant(new Uint8Array(0)),
      fc.uint8Array({ maxLength: 1 }),
      fc
        .uint8Array({ minLength: 1, maxLength: 80 })
        .map((data) => concatBytes(Uint8Array.of(data.length), data)),
      fc
        .uint8Array({ minLength: 1, maxLength: 80 })
        .map((data) => concatBytes(Uint8Array.of(data.length), data, Uint8Array.of(0))),
      fc.uint8Array({ maxLength: 300 }),
    ),
  })
  .map(({ cla, ins, p1, p2, body }) => concatBytes(Uint8Array.of(cla, ins, p1, p2), body));

const SELECT_JPKI = fromHex("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01");
const SELECT_PIN = fromHex("00 A4 02 0C 02 00 18");
const SELECTS = [
  SELECT_JPKI,
  SELECT_PIN,
  fromHex("00 A4 04 0C 08 F0 54 4F 42 49 52 41 01"),
  fromHex("00 A4 02 0C 02 00 0A"),
];

const command = fc.oneof(fc.uint8Array({ maxLength: 300 }), plausibleCommand, fc.constantFrom(...SELECTS));

async function expectWellFormed(card: ApduResponder, bytes: Uint8Array): Promise<void> {
  const raw = await card.respond(bytes);
  expect(raw.length).toBeGreaterThanOrEqual(2);
  const { data, sw } = decodeResponse(raw);
  const sw1 = sw >> 8;
  expect(sw === 0x9000 || (sw1 >= 0x61 && sw1 <= 0x6f)).toBe(true);
  // 6F 00 would mean the card itself faulted.
  expect(sw).not.toBe(0x6f00);
  if (sw !== 0x9000) expect(data).toHaveLength(0);
}

describe("virtual cards under arbitrary commands", () => {
  for (const name of ["jpki", "staff-card", "uid"]) {
    it(`the ${name} card answers any sequence of bytes with a well-formed response and never throws`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(command, { maxLength: 12 }), async (commands) => {
          const card = createCards()[name];
          if (card === undefined) throw new Error(`no ${name} card`);
          card.reset?.();
          for (const bytes of commands) await expectWellFormed(card, bytes);
        }),
        { numRuns: 300 },
      );
    });
  }

  it("the JPKI card, PIN verified and key selected, answers any commands well-formed (SIGN included)", async () => {
    const unlock = [
      SELECT_JPKI,
      SELECT_PIN,
      fromHex("00 20 00 80 04 31 32 33 34"),
      fromHex("00 A4 02 0C 02 00 17"),
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 8 }), async (commands) => {
        const card = createCards().jpki;
        if (card === undefined) throw new Error("no jpki card");
        for (const bytes of unlock) await card.respond(bytes);
        for (const bytes of commands) await expectWellFormed(card, bytes);
      }),
      { numRuns: 200 },
    );
  });

  it("never lets the JPKI counter leave 0…max, whatever is sent", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(command, fc.constantFrom(fromHex("00 20 00 80 04 39 39 39 39"))), {
          maxLength: 20,
        }),
        async (commands) => {
          const card = createJpkiVirtualCard({
            pin: "1234",
            pinTriesLeft: 3,
            pinMaxTries: 3,
            userAuthCertificate: fromHex("30 03 02 01 01"),
            caCertificate: fromHex("30 03 02 01 01"),
            privateKey,
          });
          for (const bytes of [SELECT_JPKI, SELECT_PIN, ...commands]) {
            await card.respond(bytes);
            expect(card.pinTriesLeft).toBeGreaterThanOrEqual(0);
            expect(card.pinTriesLeft).toBeLessThanOrEqual(3);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
