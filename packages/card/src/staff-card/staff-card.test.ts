import { beforeEach, describe, expect, it } from "vitest";
import { fromHex } from "../apdu/bytes";
import { countExchanges } from "../transport/counting-connection";
import { connectInProcess } from "../transport/in-process";
import { createJpkiVirtualCard } from "../virtual/jpki-virtual-card";
import { createStaffCardVirtualCard, type StaffCardVirtualCard } from "../virtual/staff-card-virtual-card";
import { createUidVirtualCard } from "../virtual/uid-virtual-card";
import { generateTestKeyPair } from "../x509/index";
import { authenticateStaffCard, createStaffCardChallenge } from "./authenticate-staff-card";
import { personaliseStaffCard } from "./personalise-staff-card";
import { readStaffCardId, readStaffCardIdentity, type StaffCardIdentity } from "./read-staff-card-identity";
import { selectStaffCard } from "./select-staff-card";
import { StaffCardError } from "./staff-card-error";
import { createStaffCardId } from "./staff-card-id";

async function personaliseBlankCard(): Promise<{ card: StaffCardVirtualCard; identity: StaffCardIdentity }> {
  const card = createStaffCardVirtualCard({ personalised: false });
  const identity = await personaliseStaffCard(connectInProcess(card), { cardId: createStaffCardId() });
  return { card, identity };
}

describe("staff card: personalise → identify → authenticate", () => {
  let card: StaffCardVirtualCard;
  let enrolled: StaffCardIdentity;

  beforeEach(async () => {
    ({ card, identity: enrolled } = await personaliseBlankCard());
  });

  it("personalises a blank card at the enrolment desk and returns what to enrol", async () => {
    const blank = createStaffCardVirtualCard({ personalised: false });
    const cardId = "5a1b0c9d337041e28f06b427c9105e7a";
    const identity = await personaliseStaffCard(connectInProcess(blank), { cardId });
    expect(identity.cardId).toBe(cardId);
    expect(identity.publicKey[0]).toBe(0x30);
    expect(blank.state.personalised).toBe(true);
  });

  it("reads back the identity the enrolment desk recorded", async () => {
    const connection = connectInProcess(card);
    expect(await selectStaffCard(connection)).toBe(true);
    expect(await readStaffCardIdentity(connection)).toEqual(enrolled);
  });

  it("proves possession at a door in three APDUs: the signature over a fresh challenge verifies with the enrolled key", async () => {
    const { connection, count } = countExchanges(connectInProcess(card));
    expect(await selectStaffCard(connection)).toBe(true);
    const cardId = await readStaffCardId(connection);
    expect(cardId).toBe(enrolled.cardId);
    const proven = await authenticateStaffCard(connection, {
      cardId,
      challenge: createStaffCardChallenge(),
      expectedPublicKey: enrolled.publicKey,
    });
    expect(proven).toBe(true);
    expect(count.apdus).toBe(3);
  });

  it("refuses a different card claiming this card's ID (its key is not the enrolled one)", async () => {
    const other = await personaliseBlankCard();
    const connection = connectInProcess(other.card);
    await selectStaffCard(connection);
    const proven = await authenticateStaffCard(connection, {
      cardId: enrolled.cardId,
      challenge: createStaffCardChallenge(),
      expectedPublicKey: enrolled.publicKey,
    });
    expect(proven).toBe(false);
  });

  it("refuses a genuine card's signature presented under another card ID", async () => {
    const connection = connectInProcess(card);
    await selectStaffCard(connection);
    const proven = await authenticateStaffCard(connection, {
      cardId: createStaffCardId(),
      challenge: createStaffCardChallenge(),
      expectedPublicKey: enrolled.publicKey,
    });
    expect(proven).toBe(false);
  });

  it("refuses a replayed signature: one recorded for an old challenge does not answer a new one", async () => {
    const oldChallenge = createStaffCardChallenge();
    const recorder = connectInProcess(card);
    await selectStaffCard(recorder);
    let recorded: Uint8Array = new Uint8Array(0);
    const recording = {
      ...recorder,
      async transmit(command: Uint8Array) {
        const response = await recorder.transmit(command);
        if (command[1] === 0x88) recorded = response;
        return response;
      },
    };
    const original = await authenticateStaffCard(recording, {
      cardId: enrolled.cardId,
      challenge: oldChallenge,
      expectedPublicKey: enrolled.publicKey,
    });
    expect(original).toBe(true);
    expect(recorded).toHaveLength(66);

    const replayer = {
      readerName: "replay",
      atr: card.atr,
      transmit: async () => recorded,
      disconnect: async () => {},
    };
    const proven = await authenticateStaffCard(replayer, {
      cardId: enrolled.cardId,
      challenge: createStaffCardChallenge(),
      expectedPublicKey: enrolled.publicKey,
    });
    expect(proven).toBe(false);
  });

  it("refuses to personalise a card twice", async () => {
    await expect(
      personaliseStaffCard(connectInProcess(card), { cardId: createStaffCardId() }),
    ).rejects.toMatchObject({
      reason: "already_personalised",
    });
  });

  it("says a card without the application is not a staff card", async () => {
    const uidCard = createUidVirtualCard({ technology: "felica", uid: fromHex("01 2E 4C 1A 7B 33 09 55") });
    expect(await selectStaffCard(connectInProcess(uidCard))).toBe(false);
    const { privateKey } = generateTestKeyPair("rsa");
    const myNumberCard = createJpkiVirtualCard({
      pin: "1234",
      pinTriesLeft: 3,
      pinMaxTries: 3,
      userAuthCertificate: fromHex("30 03 02 01 01"),
      caCertificate: fromHex("30 03 02 01 01"),
      privateKey,
    });
    expect(await selectStaffCard(connectInProcess(myNumberCard))).toBe(false);
    await expect(
      personaliseStaffCard(connectInProcess(myNumberCard), { cardId: createStaffCardId() }),
    ).rejects.toBeInstanceOf(StaffCardError);
  });

  it("reports an unfinished card as not personalised, both when reading and when authenticating", async () => {
    const blank = createStaffCardVirtualCard({ personalised: false });
    const connection = connectInProcess(blank);
    await selectStaffCard(connection);
    await expect(readStaffCardIdentity(connection)).rejects.toMatchObject({ reason: "not_personalised" });
    await expect(
      authenticateStaffCard(connection, {
        cardId: enrolled.cardId,
        challenge: createStaffCardChallenge(),
        expectedPublicKey: enrolled.publicKey,
      }),
    ).rejects.toMatchObject({ reason: "not_personalised" });
  });

  it("rejects challenges outside 16–64 bytes before talking to the card", async () => {
    const { connection, count } = countExchanges(connectInProcess(card));
    for (const length of [15, 65]) {
      await expect(
        authenticateStaffCard(connection, {
          cardId: enrolled.cardId,
          challenge: new Uint8Array(length),
          expectedPublicKey: enrolled.publicKey,
        }),
      ).rejects.toThrow(RangeError);
    }
    expect(count.apdus).toBe(0);
  });
});
