import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeCard } from "../src/cli/card-cli";
import {
  identifyJpkiCard,
  readPinStatus,
  readUserAuthCertificate,
  verifyPinGuarded,
} from "../src/jpki/jpki-client";
import { PinRefusedError } from "../src/jpki/jpki-errors";
import { identifyCard } from "../src/profiles/identify-card";
import { proveJpkiCardholder } from "../src/profiles/jpki-profile";
import {
  authenticateStaffCard,
  createStaffCardChallenge,
  personaliseStaffCard,
} from "../src/staff-card/index";
import { connectInProcess } from "../src/transport/in-process";
import { type CardReaders, CardRemovedError } from "../src/transport/transport";
import {
  type CardFile,
  createJpkiCard,
  createVirtualCard,
  loadCard,
  openVirtualCard,
  saveCard,
} from "../src/virtual/index";
import { createTestJpkiCa, parseCertificate } from "../src/x509/index";
import {
  type InsertedCard,
  insertVirtualCard,
  lockVpcdSlot,
  openVpcdReaders,
  vpcdSlotHookTimeoutMs,
} from "./pcsc-harness";

// Slot 0 of vsmartcard's vpcd; the OpenSC interop test uses slot 1, so both can run at once.
const slot = 0;

describe("the real PC/SC stack: pcscd + vpcd + the pcsclite binding", () => {
  const dir = mkdtempSync(join(tmpdir(), "tobira-cards-"));
  const ca = createTestJpkiCa({ now: new Date() });
  let readers: CardReaders;
  let inserted: InsertedCard | undefined;
  let releaseSlot: (() => Promise<void>) | undefined;

  // The reader agent's end-to-end test uses slot 0 too; files run in parallel, so they take turns.
  beforeAll(async () => {
    releaseSlot = await lockVpcdSlot(slot);
    readers = await openVpcdReaders();
  }, vpcdSlotHookTimeoutMs);
  // A failed test must not leave its card in the slot for the next one.
  afterEach(removeCard);
  afterAll(async () => {
    await readers?.close();
    await releaseSlot?.();
    rmSync(dir, { recursive: true, force: true });
  });

  async function insertJpki(
    name: string,
    pin = "4321",
    tries = 3,
  ): Promise<{ path: string; card: InsertedCard }> {
    const path = join(dir, `${name}.json`);
    await saveCard(path, createJpkiCard({ pin, tries, ca, now: new Date() }));
    inserted = await insertVirtualCard(readers, await openVirtualCard(path), slot);
    return { path, card: inserted };
  }

  async function removeCard() {
    await inserted?.remove();
    inserted = undefined;
  }

  it("identifies a My Number Card at tap level in three APDUs: serial, issuer and validity", async () => {
    const { path, card } = await insertJpki("tap");
    const summary = await identifyJpkiCard(card.connection);
    const certificate = parseCertificate(await certificateOf(path));
    expect(summary.serialNumber).toBe(certificate.summary.serialNumber);
    expect(summary.issuer.text).toContain("O=JPKI");
    expect(summary.notAfter).toBe(certificate.summary.notAfter);
  });

  it("reads the whole user-auth certificate through PC/SC, byte for byte", async () => {
    const { path, card } = await insertJpki("full");
    const read = await readUserAuthCertificate(card.connection);
    expect(Buffer.from(read).equals(Buffer.from(await certificateOf(path)))).toBe(true);
  });

  it("proves possession with the PIN and a signed challenge, verified against the enrolled key", async () => {
    const { path, card } = await insertJpki("proof", "2468");
    const enrolledPublicKey = parseCertificate(await certificateOf(path)).subjectPublicKeyInfo;
    const challenge = randomBytes(32);
    expect(await proveJpkiCardholder(card.connection, { pin: "2468", challenge, enrolledPublicKey })).toBe(
      true,
    );
    const stranger = createJpkiCard({ pin: "1111", ca, now: new Date() });
    const otherSpki = parseCertificate(
      Buffer.from(stranger.userAuthCertificate, "base64"),
    ).subjectPublicKeyInfo;
    expect(
      await proveJpkiCardholder(card.connection, { pin: "2468", challenge, enrolledPublicKey: otherSpki }),
    ).toBe(false);
  });

  it("reports a wrong PIN with the tries left, remembers it on the card, and never retries", async () => {
    const { path, card } = await insertJpki("wrong", "1357");
    await expect(verifyPinGuarded(card.connection, "0000")).rejects.toMatchObject({
      reason: "wrong_pin",
      triesLeft: 2,
    });
    expect(await readPinStatus(card.connection)).toEqual({ state: "tries_left", triesLeft: 2 });
    const file = await loadCard(path);
    expect(file.kind === "jpki" && file.pinTriesLeft).toBe(2);
  });

  it("refuses to spend the last PIN try (the guard) and so never locks the card", async () => {
    const { path, card } = await insertJpki("guard", "1357");
    await expect(verifyPinGuarded(card.connection, "0000")).rejects.toMatchObject({
      reason: "wrong_pin",
      triesLeft: 2,
    });
    await expect(verifyPinGuarded(card.connection, "0000")).rejects.toMatchObject({
      reason: "wrong_pin",
      triesLeft: 1,
    });
    const guarded = verifyPinGuarded(card.connection, "1357");
    await expect(guarded).rejects.toBeInstanceOf(PinRefusedError);
    await expect(guarded).rejects.toMatchObject({ reason: "pin_guard", triesLeft: 1 });
    const file = await loadCard(path);
    expect(file.kind === "jpki" && file.pinTriesLeft).toBe(1);
  });

  it("recognises a blocked PIN without sending a VERIFY with digits", async () => {
    const path = join(dir, "blocked.json");
    const file = createJpkiCard({ pin: "1357", ca, now: new Date() });
    await saveCard(path, { ...file, pinTriesLeft: 0 });
    inserted = await insertVirtualCard(readers, await openVirtualCard(path), slot);
    expect(await readPinStatus(inserted.connection)).toEqual({ state: "blocked" });
    await expect(verifyPinGuarded(inserted.connection, "1357")).rejects.toMatchObject({
      reason: "pin_blocked",
    });
  });

  it("fails with CardRemovedError when the card leaves the reader mid-transaction", async () => {
    const { card } = await insertJpki("removed");
    await identifyJpkiCard(card.connection);
    await card.pullOut();
    inserted = undefined;
    await expect(readUserAuthCertificate(card.connection)).rejects.toBeInstanceOf(CardRemovedError);
    await card.connection.disconnect();
  });

  it("identifies and authenticates a staff card without a PIN, and refuses another card's key", async () => {
    let staffFile: CardFile = { kind: "staff-card", personalised: false };
    const blank = createVirtualCard(staffFile, {
      onChange: (next) => {
        staffFile = next;
      },
    });
    const identity = await personaliseStaffCard(connectInProcess(blank), {
      cardId: randomBytes(16).toString("hex"),
    });
    inserted = await insertVirtualCard(readers, createVirtualCard(staffFile), slot);
    const seen = await identifyCard(inserted.connection);
    expect(seen).toMatchObject({ kind: "staffCard", cardId: identity.cardId });
    const challenge = createStaffCardChallenge();
    expect(
      await authenticateStaffCard(inserted.connection, {
        cardId: identity.cardId,
        challenge,
        expectedPublicKey: identity.publicKey,
      }),
    ).toBe(true);
    const stranger = await personaliseStaffCard(
      connectInProcess(createVirtualCard({ kind: "staff-card", personalised: false })),
      {
        cardId: randomBytes(16).toString("hex"),
      },
    );
    expect(
      await authenticateStaffCard(inserted.connection, {
        cardId: identity.cardId,
        challenge: createStaffCardChallenge(),
        expectedPublicKey: stranger.publicKey,
      }),
    ).toBe(false);
  });

  it("reads a FeliCa card's UID as a low-assurance identity", async () => {
    inserted = await insertVirtualCard(
      readers,
      createVirtualCard({ kind: "uid", technology: "felica", uid: "0123456789abcdef" }),
      slot,
    );
    expect(await identifyCard(inserted.connection)).toEqual({ kind: "uid", uid: "0123456789abcdef" });
  });

  it("never identifies a My Number Card by its UID, and never selects the application holding the 個人番号", async () => {
    const path = join(dir, "never-uid.json");
    await saveCard(path, createJpkiCard({ pin: "1234", ca, now: new Date() }));
    const card = await openVirtualCard(path);
    inserted = await insertVirtualCard(readers, card, slot);
    const identity = await identifyCard(inserted.connection);
    expect(identity?.kind).toBe("jpki");
    const lines = await describeCard(inserted.connection);
    expect(lines.join("\n")).toMatch(/PIN tries left: 3/);
    expect("forbiddenSelections" in card ? card.forbiddenSelections : ["not a JPKI card"]).toEqual([]);
  });

  async function certificateOf(path: string): Promise<Uint8Array> {
    const file = await loadCard(path);
    if (file.kind !== "jpki") throw new Error(`${path} is not a JPKI card`);
    return Uint8Array.from(Buffer.from(file.userAuthCertificate, "base64"));
  }
});
