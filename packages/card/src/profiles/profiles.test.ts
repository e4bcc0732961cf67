import { generateKeyPairSync, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { fromHex, toHex } from "../apdu/bytes";
import { PinRefusedError } from "../jpki/jpki-errors";
import { SignatureError } from "../signature/index";
import { personaliseStaffCard } from "../staff-card/personalise-staff-card";
import type { StaffCardIdentity } from "../staff-card/read-staff-card-identity";
import { createStaffCardId } from "../staff-card/staff-card-id";
import { type ApduResponder, connectInProcess } from "../transport/in-process";
import type { CardConnection } from "../transport/transport";
import { buildStorageCardAtr } from "../virtual/contactless-atr";
import {
  createJpkiCard,
  createStaffCardVirtualCard,
  createUidVirtualCard,
  createVirtualCard,
  type JpkiCardFile,
  type JpkiVirtualCard,
  type StaffCardVirtualCard,
} from "../virtual/index";
import { createTestJpkiCa, parseCertificate, type TestJpkiCa } from "../x509/index";
import type { CardIdentity, CardProfile } from "./card-identity";
import { defaultProfiles, identifyCard } from "./identify-card";
import { jpkiProfile, proveJpkiCardholder } from "./jpki-profile";
import { staffCardProfile } from "./staff-card-profile";
import { uidProfile } from "./uid-profile";

const NOW = new Date("2025-04-01T00:00:00Z");
const PIN = "4821";

let ca: TestJpkiCa;
let cardFile: JpkiCardFile;
let otherCardFile: JpkiCardFile;
let staffCard: StaffCardVirtualCard;
let staffIdentity: StaffCardIdentity;

beforeAll(async () => {
  ca = createTestJpkiCa({ now: NOW });
  cardFile = createJpkiCard({ pin: PIN, ca, now: NOW });
  otherCardFile = createJpkiCard({ pin: PIN, ca, now: NOW });
  staffCard = createStaffCardVirtualCard({ personalised: false });
  staffIdentity = await personaliseStaffCard(connectInProcess(staffCard), { cardId: createStaffCardId() });
});

function openJpkiCard(
  file: JpkiCardFile,
  overrides: Partial<Pick<JpkiCardFile, "pinTriesLeft">> = {},
): JpkiVirtualCard {
  const card = createVirtualCard({ ...file, ...overrides });
  if (card.kind !== "jpki") throw new Error("the card file describes a JPKI card");
  return card;
}

function certificateOf(file: JpkiCardFile): Uint8Array {
  return new Uint8Array(Buffer.from(file.userAuthCertificate, "base64"));
}

function enrolledKeyOf(file: JpkiCardFile): Uint8Array {
  return parseCertificate(certificateOf(file)).subjectPublicKeyInfo;
}

/** Keeps every command the card receives; `atr` lets a test put the card behind a different reader. */
function recording(
  card: ApduResponder,
  atr: Uint8Array = card.atr,
): {
  connection: CardConnection;
  commands: Uint8Array[];
} {
  const commands: Uint8Array[] = [];
  const connection = connectInProcess({
    atr,
    reset: () => card.reset?.(),
    respond(command) {
      commands.push(command.slice());
      return card.respond(command);
    },
  });
  return { connection, commands };
}

function sentReaderGetUid(commands: readonly Uint8Array[]): boolean {
  return commands.some((command) => command[0] === 0xff && command[1] === 0xca);
}

function signCommands(commands: readonly Uint8Array[]): Uint8Array[] {
  return commands.filter((command) => command[0] === 0x80 && command[1] === 0x2a);
}

/** A card nobody here knows: the same status word to every command. */
function unknownCard(sw: string): ApduResponder {
  return {
    // A contact smart card of some other scheme (an ISO 7816 ATR, not a PC/SC storage-card one).
    atr: fromHex("3B 6E 00 00 80 31 80 66 B0 84 12 01 6E 01 83 00 90 00"),
    respond: () => fromHex(sw),
  };
}

describe("identifyCard", () => {
  it("identifies a My Number Card by its user-auth certificate's issuer, serial and validity", async () => {
    const parsed = parseCertificate(certificateOf(cardFile));
    expect(await identifyCard(connectInProcess(openJpkiCard(cardFile)))).toEqual({
      kind: "jpki",
      issuer: parsed.issuer.text,
      serialNumber: parsed.serialNumber,
      notBefore: parsed.notBefore,
      notAfter: parsed.notAfter,
    } satisfies CardIdentity);
  });

  it("identifies a personalised staff card by its card ID and public key", async () => {
    expect(await identifyCard(connectInProcess(staffCard))).toEqual({
      kind: "staffCard",
      cardId: staffIdentity.cardId,
      publicKey: staffIdentity.publicKey,
    } satisfies CardIdentity);
  });

  it("identifies a FeliCa card by its IDm", async () => {
    const felica = createUidVirtualCard({ technology: "felica", uid: fromHex("01 2E 4C 1A 7B 33 09 55") });
    expect(await identifyCard(connectInProcess(felica))).toEqual({ kind: "uid", uid: "012e4c1a7b330955" });
  });

  it.each([
    ["4-byte", "8A 3C 11 F0", "8a3c11f0"],
    ["7-byte", "04 52 7A 9A 6B 51 80", "04527a9a6b5180"],
  ])("identifies a MIFARE card by its %s UID", async (_size, uid, expected) => {
    const mifare = createUidVirtualCard({ technology: "mifare", uid: fromHex(uid) });
    expect(await identifyCard(connectInProcess(mifare))).toEqual({ kind: "uid", uid: expected });
  });

  it.each(["6A 82", "6D 00", "6E 00"])(
    "gives null for an unknown card that answers %s to everything",
    async (sw) => {
      const { connection, commands } = recording(unknownCard(sw));
      expect(await identifyCard(connection)).toBeNull();
      expect(sentReaderGetUid(commands)).toBe(false);
    },
  );

  it("asks the profiles in the order My Number Card, staff card, UID", () => {
    expect(defaultProfiles.map((profile) => profile.kind)).toEqual(["jpki", "staffCard", "uid"]);
  });

  it("returns the first profile's identity and asks no later profile", async () => {
    const asked: string[] = [];
    const profile = (kind: CardProfile["kind"], identity: CardIdentity | null): CardProfile => ({
      kind,
      async identify() {
        asked.push(kind);
        return identity;
      },
    });
    const identity = await identifyCard(connectInProcess(unknownCard("6A 82")), [
      profile("jpki", null),
      profile("staffCard", { kind: "staffCard", cardId: "00", publicKey: new Uint8Array(0) }),
      profile("uid", { kind: "uid", uid: "00" }),
    ]);
    expect(identity?.kind).toBe("staffCard");
    expect(asked).toEqual(["jpki", "staffCard"]);
  });

  it("identifies a My Number Card as jpki even behind a reader that reports a storage-card ATR", async () => {
    const { connection, commands } = recording(openJpkiCard(cardFile), buildStorageCardAtr("felica"));
    expect((await identifyCard(connection))?.kind).toBe("jpki");
    expect(sentReaderGetUid(commands)).toBe(false);
  });
});

describe("the profiles one by one", () => {
  it("jpkiProfile gives null for a staff card and for UID cards", async () => {
    expect(await jpkiProfile.identify(connectInProcess(staffCard))).toBeNull();
    const mifare = createUidVirtualCard({ technology: "mifare", uid: fromHex("8A 3C 11 F0") });
    expect(await jpkiProfile.identify(connectInProcess(mifare))).toBeNull();
  });

  it("staffCardProfile gives null for a My Number Card", async () => {
    expect(await staffCardProfile.identify(connectInProcess(openJpkiCard(cardFile)))).toBeNull();
  });

  it("uidProfile never identifies a My Number Card by UID, even when called directly", async () => {
    const { connection, commands } = recording(openJpkiCard(cardFile));
    expect(await uidProfile.identify(connection)).toBeNull();
    expect(sentReaderGetUid(commands)).toBe(false);
  });

  it.each<"felica" | "mifare">(["felica", "mifare"])(
    "uidProfile gives null for a My Number Card behind a reader that reports a %s storage-card ATR",
    async (technology) => {
      const { connection, commands } = recording(openJpkiCard(cardFile), buildStorageCardAtr(technology));
      expect(await uidProfile.identify(connection)).toBeNull();
      expect(sentReaderGetUid(commands)).toBe(false);
    },
  );

  it("uidProfile reads the UID of a FeliCa card", async () => {
    const felica = createUidVirtualCard({ technology: "felica", uid: fromHex("01 2E 4C 1A 7B 33 09 55") });
    expect(await uidProfile.identify(connectInProcess(felica))).toEqual({
      kind: "uid",
      uid: "012e4c1a7b330955",
    });
  });
});

describe("proveJpkiCardholder", () => {
  it("proves the cardholder with the right PIN and the key recorded at enrolment", async () => {
    const card = openJpkiCard(cardFile);
    const proven = await proveJpkiCardholder(connectInProcess(card), {
      pin: PIN,
      challenge: randomBytes(32),
      enrolledPublicKey: enrolledKeyOf(cardFile),
    });
    expect(proven).toBe(true);
    expect(card.pinTriesLeft).toBe(3);
    expect(card.forbiddenSelections).toEqual([]);
  });

  it("gives false when the card's signature does not verify with the enrolled key (another card's)", async () => {
    const proven = await proveJpkiCardholder(connectInProcess(openJpkiCard(otherCardFile)), {
      pin: PIN,
      challenge: randomBytes(32),
      enrolledPublicKey: enrolledKeyOf(cardFile),
    });
    expect(proven).toBe(false);
  });

  it("follows the enrolled key: an EC P-384 enrolled key gives false for the card's RSA signature, not an error", async () => {
    const nextGenerationCa = createTestJpkiCa({ now: NOW, keyType: "ec-p384" });
    const p384Key = parseCertificate(nextGenerationCa.certificate).subjectPublicKeyInfo;
    expect(parseCertificate(nextGenerationCa.certificate).keyAlgorithm).toBe("ec-p384");
    const proven = await proveJpkiCardholder(connectInProcess(openJpkiCard(cardFile)), {
      pin: PIN,
      challenge: randomBytes(32),
      enrolledPublicKey: p384Key,
    });
    expect(proven).toBe(false);
  });

  it("gives false for an EC P-256 enrolled key as well", async () => {
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const proven = await proveJpkiCardholder(connectInProcess(openJpkiCard(cardFile)), {
      pin: PIN,
      challenge: randomBytes(32),
      enrolledPublicKey: new Uint8Array(publicKey.export({ type: "spki", format: "der" })),
    });
    expect(proven).toBe(false);
  });

  it("rejects an enrolled key no card signs with (Ed25519) with SignatureError unsupported_key", async () => {
    const { publicKey } = generateKeyPairSync("ed25519");
    const attempt = proveJpkiCardholder(connectInProcess(openJpkiCard(cardFile)), {
      pin: PIN,
      challenge: randomBytes(32),
      enrolledPublicKey: new Uint8Array(publicKey.export({ type: "spki", format: "der" })),
    });
    await expect(attempt).rejects.toBeInstanceOf(SignatureError);
    await expect(attempt).rejects.toMatchObject({ reason: "unsupported_key" });
  });

  it("refuses a wrong PIN with PinRefusedError wrong_pin and asks the card for no signature", async () => {
    const card = openJpkiCard(cardFile);
    const { connection, commands } = recording(card);
    const attempt = proveJpkiCardholder(connection, {
      pin: "0000",
      challenge: randomBytes(32),
      enrolledPublicKey: enrolledKeyOf(cardFile),
    });
    await expect(attempt).rejects.toBeInstanceOf(PinRefusedError);
    await expect(attempt).rejects.toMatchObject({ reason: "wrong_pin", triesLeft: 2 });
    expect(signCommands(commands)).toEqual([]);
    expect(card.pinTriesLeft).toBe(2);
  });

  it("stops at the PIN guard with one try left and asks the card for no signature", async () => {
    const card = openJpkiCard(cardFile, { pinTriesLeft: 1 });
    const { connection, commands } = recording(card);
    const attempt = proveJpkiCardholder(connection, {
      pin: PIN,
      challenge: randomBytes(32),
      enrolledPublicKey: enrolledKeyOf(cardFile),
    });
    await expect(attempt).rejects.toMatchObject({ reason: "pin_guard", triesLeft: 1 });
    expect(signCommands(commands)).toEqual([]);
    expect(card.pinTriesLeft).toBe(1);
  });

  it("signs the SHA-256 DigestInfo of the challenge, sent as one 51-byte SIGN", async () => {
    const { connection, commands } = recording(openJpkiCard(cardFile));
    await proveJpkiCardholder(connection, {
      pin: PIN,
      challenge: randomBytes(32),
      enrolledPublicKey: enrolledKeyOf(cardFile),
    });
    const [sign, ...more] = signCommands(commands);
    expect(more).toEqual([]);
    expect(toHex(sign?.subarray(0, 5) ?? new Uint8Array(0))).toBe("80 2A 00 80 33");
    expect(toHex(sign?.subarray(5, 24) ?? new Uint8Array(0))).toBe(
      "30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20",
    );
  });
});
