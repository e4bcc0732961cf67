import type { KeyObject } from "node:crypto";
import {
  createTestJpkiCa,
  generateTestKeyPair,
  issueUserAuthCertificate,
  type TestJpkiCa,
} from "./test-jpki-ca";

/** Shared test PKI: keys are made once per test file, on first use (RSA key generation is the slow part). */
export const NOW = new Date("2026-04-01T00:00:00Z");
export const FIVE_YEARS_LATER = new Date("2031-04-01T00:00:00Z");

function memoize<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

export const rsaCa2015 = memoize(
  (): TestJpkiCa =>
    createTestJpkiCa({
      generation: "2015",
      now: NOW,
      notBefore: new Date("2015-10-01T00:00:00Z"),
      notAfter: new Date("2027-10-01T00:00:00Z"),
    }),
);

export const rsaCa2023 = memoize(
  (): TestJpkiCa =>
    createTestJpkiCa({
      generation: "2023",
      now: NOW,
      notBefore: new Date("2023-04-01T00:00:00Z"),
      notAfter: new Date("2035-04-01T00:00:00Z"),
    }),
);

export const ecCa = memoize((): TestJpkiCa => createTestJpkiCa({ now: NOW, keyType: "ec-p384" }));

export const userRsaKeys = memoize((): { privateKey: KeyObject; publicKey: KeyObject } =>
  generateTestKeyPair("rsa"),
);
export const userEcKeys = memoize((): { privateKey: KeyObject; publicKey: KeyObject } =>
  generateTestKeyPair("ec-p384"),
);

/** A user-authentication certificate from the 2023 test CA, valid NOW to FIVE_YEARS_LATER. */
export const rsaLeaf = memoize(
  (): Uint8Array =>
    issueUserAuthCertificate(rsaCa2023(), {
      publicKey: userRsaKeys().publicKey,
      notBefore: NOW,
      notAfter: FIVE_YEARS_LATER,
    }),
);
