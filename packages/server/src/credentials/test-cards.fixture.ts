import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildCertificate,
  type CardConnection,
  connectInProcess,
  createStaffCardId,
  createTestJpkiCa,
  digestInfo,
  exchangeOk,
  generateSerialNumber,
  generateTestKeyPair,
  issueUserAuthCertificate,
  personaliseStaffCard,
  readUserAuthCertificate,
  STAFF_CARD_INS,
  selectStaffCard,
  signWithUserAuthKey,
  type TestJpkiCa,
  verifyPinGuarded,
} from "@tobira/card";
import { createJpkiVirtualCard, createStaffCardVirtualCard } from "@tobira/card/virtual";

/*
 * Cards for the credential tests, driven in-process through their APDUs as an enrolment station
 * drives real ones: the certificate is read from the card, and the card signs the server's challenge.
 */

export const TEST_PIN = "4321";
const DAY_MS = 86_400_000;

export function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "base64"));
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

/** A PEM file holding the CA certificates, as an operator would configure TOBIRA_JPKI_TRUST_ANCHORS. */
export function writeTrustAnchorFile(certificates: readonly Uint8Array[]): string {
  const blocks = certificates.map((der) => {
    const lines = toBase64(der).match(/.{1,64}/g) ?? [];
    return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
  });
  const path = join(mkdtempSync(join(tmpdir(), "tobira-anchors-")), "jpki-ca.pem");
  writeFileSync(path, blocks.join(""));
  return path;
}

export function createTestCa(now: Date): TestJpkiCa {
  return createTestJpkiCa({ now });
}

/** A CA nobody configured, with a name of its own. */
export function createStrangerCa(now: Date): TestJpkiCa {
  const keys = generateTestKeyPair("rsa");
  const subject = [
    { name: "C", value: "JP" },
    { name: "O", value: "Not J-LIS" },
    { name: "CN", value: "TEST stranger CA" },
  ];
  const certificate = buildCertificate({
    serialNumber: generateSerialNumber(8),
    issuer: subject,
    subject,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + 3650 * DAY_MS),
    subjectPublicKey: keys.publicKey,
    issuerPrivateKey: keys.privateKey,
    isCa: true,
  });
  return { generation: "2023", certificate, ...keys };
}

export interface TestMyNumberCard {
  connection: CardConnection;
  /** Read from the card, as the enrolment station does (no PIN needed). */
  readCertificate(): Promise<Uint8Array>;
  /** VERIFY the PIN, then have the card sign the challenge (PKCS#1 v1.5, SHA-256). */
  signChallenge(challenge: Uint8Array): Promise<Uint8Array>;
}

/** A virtual My Number Card with a user-authentication certificate from `ca`. */
export function createTestMyNumberCard(
  ca: TestJpkiCa,
  validity: { notBefore: Date; notAfter: Date },
): TestMyNumberCard {
  const keys = generateTestKeyPair("rsa");
  const certificate = issueUserAuthCertificate(ca, { publicKey: keys.publicKey, ...validity });
  const card = createJpkiVirtualCard({
    pin: TEST_PIN,
    pinTriesLeft: 3,
    pinMaxTries: 3,
    userAuthCertificate: certificate,
    caCertificate: ca.certificate,
    privateKey: keys.privateKey,
  });
  const connection = connectInProcess(card);
  return {
    connection,
    readCertificate: () => readUserAuthCertificate(connection),
    async signChallenge(challenge) {
      await readUserAuthCertificate(connection);
      await verifyPinGuarded(connection, TEST_PIN);
      return signWithUserAuthKey(connection, digestInfo("sha256", challenge));
    },
  };
}

/** A card valid from a day before `now` for five years, like a fresh My Number Card. */
export function createFreshMyNumberCard(ca: TestJpkiCa, now: Date): TestMyNumberCard {
  return createTestMyNumberCard(ca, {
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + 5 * 365 * DAY_MS),
  });
}

export interface TestStaffCard {
  cardId: string;
  publicKey: Uint8Array;
  /** INTERNAL AUTHENTICATE: the card's raw r || s signature over its message for this challenge. */
  signChallenge(challenge: Uint8Array): Promise<Uint8Array>;
}

/** A staff card personalised at the enrolment desk: a fresh card ID and a key generated on the card. */
export async function createTestStaffCard(): Promise<TestStaffCard> {
  const connection = connectInProcess(createStaffCardVirtualCard({ personalised: false }));
  const identity = await personaliseStaffCard(connection, { cardId: createStaffCardId() });
  return {
    cardId: identity.cardId,
    publicKey: identity.publicKey,
    async signChallenge(challenge) {
      await selectStaffCard(connection);
      return exchangeOk(
        connection,
        { cla: 0x00, ins: STAFF_CARD_INS.internalAuthenticate, p1: 0x00, p2: 0x00, data: challenge, le: 256 },
        "INTERNAL AUTHENTICATE",
      );
    },
  };
}
