import { generateKeyPairSync, type KeyObject, randomBytes, randomInt } from "node:crypto";
import { buildCertificate } from "./build-certificate";
import type { NameEntry } from "./name";
import { parseCertificate } from "./parse-certificate";

/**
 * Test CAs shaped like J-LIS's user-authentication CA (公的個人認証サービス 利用者証明用). The subject
 * carries a CN that says TEST, so no configuration can mistake one for the real CA.
 */
export const TEST_JPKI_CA_SUBJECT: readonly NameEntry[] = [
  { name: "C", value: "JP" },
  { name: "O", value: "JPKI" },
  { name: "OU", value: "JPKI for user authentication" },
  { name: "OU", value: "Japan Agency for Local Authority Information Systems" },
  { name: "CN", value: "TEST CA - not J-LIS" },
];

export interface TestJpkiCa {
  /** Which live J-LIS generation this stands in for; a label only. */
  generation: "2015" | "2023";
  certificate: Uint8Array;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface TestJpkiCaOptions {
  generation?: "2015" | "2023";
  /** "rsa" (current cards) or "ec-p384" (the announced next generation). */
  keyType?: "rsa" | "ec-p384";
  keyBits?: number;
  now: Date;
  /** Defaults: a day before `now` to ten years after it. */
  notBefore?: Date;
  notAfter?: Date;
  /** Reuse a key pair (key generation dominates test time). */
  keyPair?: { privateKey: KeyObject; publicKey: KeyObject };
}

const DAY_MS = 86_400_000;

export function generateTestKeyPair(
  keyType: "rsa" | "ec-p256" | "ec-p384",
  keyBits = 2048,
): { privateKey: KeyObject; publicKey: KeyObject } {
  if (keyType === "rsa") return generateKeyPairSync("rsa", { modulusLength: keyBits });
  return generateKeyPairSync("ec", { namedCurve: keyType === "ec-p256" ? "P-256" : "P-384" });
}

/** A random positive serial of `bytes` bytes whose first byte is non-zero and below 0x80. */
export function generateSerialNumber(bytes: number): string {
  const serial = randomBytes(bytes);
  serial[0] = randomInt(1, 0x80);
  return serial.toString("hex");
}

export function createTestJpkiCa(options: TestJpkiCaOptions): TestJpkiCa {
  const keys = options.keyPair ?? generateTestKeyPair(options.keyType ?? "rsa", options.keyBits ?? 2048);
  const notBefore = options.notBefore ?? new Date(options.now.getTime() - DAY_MS);
  const notAfter = options.notAfter ?? new Date(options.now.getTime() + 3652 * DAY_MS);
  const certificate = buildCertificate({
    serialNumber: generateSerialNumber(8),
    issuer: TEST_JPKI_CA_SUBJECT,
    subject: TEST_JPKI_CA_SUBJECT,
    notBefore,
    notAfter,
    subjectPublicKey: keys.publicKey,
    issuerPrivateKey: keys.privateKey,
    isCa: true,
  });
  return { generation: options.generation ?? "2023", certificate, ...keys };
}

export interface UserAuthCertificateOptions {
  /** The cardholder's key: RSA-2048 on current cards, EC P-384 on the next generation. */
  publicKey: KeyObject;
  /** Defaults to 8–16 random bytes. */
  serialNumber?: bigint | string;
  notBefore: Date;
  notAfter: Date;
}

/**
 * A user-authentication certificate shaped like JPKI's: issued by the CA's exact subject, no personal
 * data in the subject (C=JP and a random-looking CN), keyUsage digitalSignature.
 */
export function issueUserAuthCertificate(ca: TestJpkiCa, options: UserAuthCertificateOptions): Uint8Array {
  return buildCertificate({
    serialNumber: options.serialNumber ?? generateSerialNumber(randomInt(8, 17)),
    issuer: parseCertificate(ca.certificate).subject,
    subject: [
      { name: "C", value: "JP" },
      { name: "CN", value: randomBytes(12).toString("hex").toUpperCase() },
    ],
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    subjectPublicKey: options.publicKey,
    issuerPrivateKey: ca.privateKey,
    isCa: false,
    keyUsage: ["digitalSignature"],
  });
}
