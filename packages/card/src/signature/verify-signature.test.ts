import { constants, generateKeyPairSync, privateEncrypt, sign } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ_RUNS } from "../der/fuzz.fixture";
import type { SignatureAlgorithm } from "./algorithms";
import { digestInfo } from "./digest-info";
import { derEcdsaToRaw, rawEcdsaToDer } from "./ecdsa-format";
import { SignatureError } from "./signature-error";
import { verifySignature } from "./verify-signature";

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const p256 = generateKeyPairSync("ec", { namedCurve: "P-256" });
const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" });
const challenge = new TextEncoder().encode("tobira challenge 2026-04-01T08:30:00Z reader-1 nonce 8f3a");

function exportSpki(key: typeof rsa.publicKey): Uint8Array {
  return key.export({ format: "der", type: "spki" });
}

describe("verifySignature with RSA", () => {
  it("accepts what a JPKI card returns: PKCS#1 v1.5 type-1 padding around the DigestInfo it was sent", () => {
    // The card applies the private key to 00 01 FF … FF 00 || DigestInfo; privateEncrypt does the same.
    const cardSignature = privateEncrypt(
      { key: rsa.privateKey, padding: constants.RSA_PKCS1_PADDING },
      digestInfo("sha256", challenge),
    );
    expect(cardSignature).toHaveLength(256);
    expect(
      verifySignature({
        publicKey: rsa.publicKey,
        algorithm: "rsa-pkcs1-sha256",
        data: challenge,
        signature: cardSignature,
      }),
    ).toBe(true);
    expect(
      verifySignature({
        publicKey: exportSpki(rsa.publicKey),
        algorithm: "rsa-pkcs1-sha256",
        data: challenge,
        signature: cardSignature,
      }),
    ).toBe(true);
    expect(cardSignature.equals(sign("sha256", challenge, rsa.privateKey))).toBe(true);
  });

  it("refuses another message, a changed signature, and signatures of the wrong length", () => {
    const signature = sign("sha256", challenge, rsa.privateKey);
    const check = {
      publicKey: rsa.publicKey,
      algorithm: "rsa-pkcs1-sha256" as const,
      data: challenge,
      signature,
    };
    expect(verifySignature({ ...check, data: new TextEncoder().encode("another challenge") })).toBe(false);
    const flipped = Uint8Array.from(signature);
    flipped[100] = (flipped[100] ?? 0) ^ 0x40;
    expect(verifySignature({ ...check, signature: flipped })).toBe(false);
    expect(verifySignature({ ...check, signature: signature.subarray(1) })).toBe(false);
    expect(verifySignature({ ...check, signature: new Uint8Array(0) })).toBe(false);
    expect(verifySignature({ ...check, signature: new Uint8Array(512).fill(0xff) })).toBe(false);
  });
});

describe("verifySignature with ECDSA", () => {
  it.each([
    ["ecdsa-p256-sha256", p256, "sha256", 32],
    ["ecdsa-p384-sha384", p384, "sha384", 48],
  ] as const)(
    "%s accepts DER and raw r||s, and either when the format is left out",
    (algorithm, keys, hash, size) => {
      const der = sign(hash, challenge, { key: keys.privateKey, dsaEncoding: "der" });
      const raw = sign(hash, challenge, { key: keys.privateKey, dsaEncoding: "ieee-p1363" });
      expect(raw).toHaveLength(2 * size);
      const base = { publicKey: keys.publicKey, algorithm, data: challenge };
      expect(verifySignature({ ...base, signature: der, signatureFormat: "der" })).toBe(true);
      expect(verifySignature({ ...base, signature: raw, signatureFormat: "raw" })).toBe(true);
      expect(verifySignature({ ...base, signature: der })).toBe(true);
      expect(verifySignature({ ...base, signature: raw })).toBe(true);
      expect(verifySignature({ ...base, signature: raw, signatureFormat: "der" })).toBe(false);
      expect(verifySignature({ ...base, signature: der, signatureFormat: "raw" })).toBe(false);
      expect(verifySignature({ ...base, signature: rawEcdsaToDer(raw), signatureFormat: "der" })).toBe(true);
      expect(verifySignature({ ...base, signature: derEcdsaToRaw(der, size), signatureFormat: "raw" })).toBe(
        true,
      );
      expect(verifySignature({ ...base, data: Uint8Array.of(1), signature: raw })).toBe(false);
    },
  );
});

describe("verifySignature errors", () => {
  it.each([
    ["rsa-pkcs1-sha256", p256.publicKey],
    ["ecdsa-p256-sha256", rsa.publicKey],
    ["ecdsa-p256-sha256", p384.publicKey],
    ["ecdsa-p384-sha384", p256.publicKey],
  ] as const)("throws a SignatureError when %s meets a key of another type", (algorithm, publicKey) => {
    expect(() =>
      verifySignature({ publicKey, algorithm, data: challenge, signature: new Uint8Array(64) }),
    ).toThrow(expect.objectContaining({ name: "SignatureError", reason: "algorithm_mismatch" }));
  });

  it("throws a SignatureError for bytes that are not a public key", () => {
    expect(() =>
      verifySignature({
        publicKey: Uint8Array.of(1, 2, 3),
        algorithm: "rsa-pkcs1-sha256",
        data: challenge,
        signature: Uint8Array.of(),
      }),
    ).toThrow(SignatureError);
  });

  it("answers false, never an exception, for any signature bytes", () => {
    const cases: [SignatureAlgorithm, typeof rsa.publicKey][] = [
      ["rsa-pkcs1-sha256", rsa.publicKey],
      ["ecdsa-p256-sha256", p256.publicKey],
      ["ecdsa-p384-sha384", p384.publicKey],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom("der" as const, "raw" as const, undefined),
        ([algorithm, publicKey], signature, signatureFormat) => {
          expect(verifySignature({ publicKey, algorithm, data: challenge, signature, signatureFormat })).toBe(
            false,
          );
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
