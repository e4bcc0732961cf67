import { generateKeyPairSync } from "node:crypto";
import { issueUserAuthCertificate, type TestJpkiCa } from "../x509/index";
import type { JpkiCardFile } from "./card-file";

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

function addUtcYears(date: Date, years: number): Date {
  const later = new Date(date.getTime());
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return later;
}

/**
 * A fresh test My Number Card: an RSA-2048 key and a user-auth certificate from the given test CA,
 * valid from `now` for `validYears` (5, as a real certificate runs to the holder's 5th birthday after
 * issue), with all PIN tries left.
 */
export function createJpkiCard(options: {
  pin: string;
  /** Maximum PIN tries; the card starts with all of them. Default 3. */
  tries?: number;
  ca: TestJpkiCa;
  now: Date;
  validYears?: number;
  label?: string;
  serialNumber?: string;
}): JpkiCardFile {
  if (!/^[0-9]{4}$/.test(options.pin)) throw new RangeError("the PIN must be 4 digits");
  const tries = options.tries ?? 3;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const certificate = issueUserAuthCertificate(options.ca, {
    publicKey,
    notBefore: options.now,
    notAfter: addUtcYears(options.now, options.validYears ?? 5),
    ...(options.serialNumber === undefined ? {} : { serialNumber: options.serialNumber }),
  });
  return {
    kind: "jpki",
    ...(options.label === undefined ? {} : { label: options.label }),
    pin: options.pin,
    pinTriesLeft: tries,
    pinMaxTries: tries,
    userAuthCertificate: toBase64(certificate),
    caCertificate: toBase64(options.ca.certificate),
    privateKey: privateKey.export({ type: "pkcs8", format: "der" }).toString("base64"),
  };
}
