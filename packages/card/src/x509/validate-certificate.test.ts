import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateMutatedBytes } from "../der/fuzz.fixture";
import { buildCertificate } from "./build-certificate";
import { buildCrl } from "./build-crl";
import { CertificateParseError } from "./certificate-parse-error";
import { parseCertificate } from "./parse-certificate";
import {
  ecCa,
  FIVE_YEARS_LATER,
  NOW,
  rsaCa2015,
  rsaCa2023,
  rsaLeaf,
  userEcKeys,
  userRsaKeys,
} from "./pki.fixture";
import { issueUserAuthCertificate, TEST_JPKI_CA_SUBJECT, type TestJpkiCa } from "./test-jpki-ca";
import { validateCertificate } from "./validate-certificate";

const A_MONTH_IN = new Date("2026-05-01T00:00:00Z");
const bothGenerations = () => [rsaCa2015().certificate, rsaCa2023().certificate];

function readSerial(der: Uint8Array): string {
  return parseCertificate(der).serialNumber;
}

function buildCrlFrom(
  ca: TestJpkiCa,
  revoked: { serialNumber: string; revokedAt: Date }[],
  nextUpdate = new Date("2026-05-02T00:00:00Z"),
): Uint8Array {
  return buildCrl({
    issuerName: parseCertificate(ca.certificate).subject,
    issuerPrivateKey: ca.privateKey,
    thisUpdate: new Date("2026-04-30T00:00:00Z"),
    nextUpdate,
    revoked,
  });
}

describe("validateCertificate", () => {
  it("accepts a user certificate from the 2023 CA and names the anchor", () => {
    const result = validateCertificate(rsaLeaf(), { anchors: bothGenerations(), at: A_MONTH_IN });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.anchor).toBe(rsaCa2023().certificate);
    expect(result.certificate.serialNumber).toBe(readSerial(rsaLeaf()));
  });

  it("accepts a certificate from the 2015 CA when both generations, with one name, are configured", () => {
    const leaf = issueUserAuthCertificate(rsaCa2015(), {
      publicKey: userRsaKeys().publicKey,
      notBefore: new Date("2022-06-01T00:00:00Z"),
      notAfter: new Date("2027-06-01T00:00:00Z"),
    });
    const result = validateCertificate(leaf, { anchors: bothGenerations(), at: A_MONTH_IN });
    expect(result).toMatchObject({ ok: true, anchor: rsaCa2015().certificate });
  });

  it("refuses an expired certificate, naming the date and the serial", () => {
    const at = new Date(FIVE_YEARS_LATER.getTime() + 1000);
    const result = validateCertificate(rsaLeaf(), { anchors: bothGenerations(), at });
    expect(result).toMatchObject({ ok: false, reason: "expired" });
    if (result.ok) return;
    expect(result.message).toContain("2031-04-01T00:00:00.000Z");
    expect(result.message).toContain(readSerial(rsaLeaf()));
  });

  it("accepts a certificate at the very second it expires", () => {
    expect(validateCertificate(rsaLeaf(), { anchors: bothGenerations(), at: FIVE_YEARS_LATER }).ok).toBe(
      true,
    );
  });

  it("refuses a certificate that is not yet valid", () => {
    const at = new Date(NOW.getTime() - 1000);
    const result = validateCertificate(rsaLeaf(), { anchors: bothGenerations(), at });
    expect(result).toMatchObject({ ok: false, reason: "not_yet_valid" });
    if (!result.ok) expect(result.message).toContain("2026-04-01T00:00:00.000Z");
  });

  it("refuses a certificate whose issuer is not among the anchors", () => {
    const other = buildCertificate({
      serialNumber: 1n,
      issuer: [
        { name: "C", value: "JP" },
        { name: "O", value: "Other CA" },
      ],
      subject: [
        { name: "C", value: "JP" },
        { name: "O", value: "Other CA" },
      ],
      notBefore: NOW,
      notAfter: FIVE_YEARS_LATER,
      subjectPublicKey: userEcKeys().publicKey,
      issuerPrivateKey: userEcKeys().privateKey,
      isCa: true,
    });
    const result = validateCertificate(rsaLeaf(), { anchors: [other], at: A_MONTH_IN });
    expect(result).toMatchObject({ ok: false, reason: "unknown_issuer" });
    if (!result.ok) expect(result.message).toContain("OU=JPKI for user authentication");
  });

  it("refuses a tampered signature and a tampered body", () => {
    const signatureFlipped = Uint8Array.from(rsaLeaf());
    signatureFlipped[signatureFlipped.length - 1] = (signatureFlipped.at(-1) ?? 0) ^ 0x01;
    expect(
      validateCertificate(signatureFlipped, { anchors: bothGenerations(), at: A_MONTH_IN }),
    ).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
    const validityChanged = Uint8Array.from(rsaLeaf());
    const at = Buffer.from(validityChanged).indexOf(Buffer.from("310401000000Z", "latin1"));
    validityChanged[at + 1] = 0x39; // notAfter 2031 → 2039
    expect(parseCertificate(validityChanged).notAfter).toBe("2039-04-01T00:00:00.000Z");
    expect(
      validateCertificate(validityChanged, { anchors: bothGenerations(), at: A_MONTH_IN }),
    ).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses a certificate from a CA with the right name but a key that is not configured", () => {
    const leaf = issueUserAuthCertificate(rsaCa2015(), {
      publicKey: userRsaKeys().publicKey,
      notBefore: NOW,
      notAfter: FIVE_YEARS_LATER,
    });
    const result = validateCertificate(leaf, { anchors: [rsaCa2023().certificate], at: A_MONTH_IN });
    expect(result).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("refuses when the anchor itself has expired", () => {
    const leaf = issueUserAuthCertificate(rsaCa2015(), {
      publicKey: userRsaKeys().publicKey,
      notBefore: NOW,
      notAfter: FIVE_YEARS_LATER,
    });
    const result = validateCertificate(leaf, {
      anchors: bothGenerations(),
      at: new Date("2028-01-01T00:00:00Z"),
    });
    expect(result).toMatchObject({ ok: false, reason: "anchor_expired" });
    if (!result.ok) expect(result.message).toContain("2027-10-01T00:00:00.000Z");
  });

  it("refuses an anchor that is not a CA", () => {
    const notCa = buildCertificate({
      serialNumber: 2n,
      issuer: TEST_JPKI_CA_SUBJECT,
      subject: TEST_JPKI_CA_SUBJECT,
      notBefore: NOW,
      notAfter: FIVE_YEARS_LATER,
      subjectPublicKey: userRsaKeys().publicKey,
      issuerPrivateKey: userRsaKeys().privateKey,
      isCa: false,
    });
    const leaf = issueUserAuthCertificate(
      { generation: "2023", certificate: notCa, ...userRsaKeys() },
      { publicKey: userEcKeys().publicKey, notBefore: NOW, notAfter: FIVE_YEARS_LATER },
    );
    expect(validateCertificate(leaf, { anchors: [notCa], at: A_MONTH_IN })).toMatchObject({
      ok: false,
      reason: "not_a_ca",
    });
  });

  it("accepts an EC P-384 certificate under an EC P-384 CA next to the RSA anchors", () => {
    const leaf = issueUserAuthCertificate(ecCa(), {
      publicKey: userEcKeys().publicKey,
      notBefore: NOW,
      notAfter: new Date("2036-04-01T00:00:00Z"),
    });
    const result = validateCertificate(leaf, {
      anchors: [...bothGenerations(), ecCa().certificate],
      at: A_MONTH_IN,
    });
    expect(result).toMatchObject({ ok: true, anchor: ecCa().certificate });
    if (result.ok) expect(result.certificate.keyAlgorithm).toBe("ec-p384");
  });

  it("refuses an RSA-signed certificate against an EC anchor of the same name", () => {
    expect(validateCertificate(rsaLeaf(), { anchors: [ecCa().certificate], at: A_MONTH_IN })).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses a certificate revoked in the CRL, naming serial and date", () => {
    const serial = readSerial(rsaLeaf());
    const crl = buildCrlFrom(rsaCa2023(), [
      { serialNumber: serial, revokedAt: new Date("2026-04-20T00:00:00Z") },
    ]);
    const result = validateCertificate(rsaLeaf(), { anchors: bothGenerations(), at: A_MONTH_IN, crl });
    expect(result).toMatchObject({ ok: false, reason: "revoked" });
    if (!result.ok) {
      expect(result.message).toContain(serial);
      expect(result.message).toContain("2026-04-20T00:00:00.000Z");
    }
  });

  it("accepts a certificate that a current CRL does not list", () => {
    const crl = buildCrlFrom(rsaCa2023(), [{ serialNumber: "0102030405060708", revokedAt: NOW }]);
    expect(validateCertificate(rsaLeaf(), { anchors: bothGenerations(), at: A_MONTH_IN, crl }).ok).toBe(true);
  });

  it("refuses a stale CRL", () => {
    const crl = buildCrlFrom(rsaCa2023(), [], new Date("2026-04-30T12:00:00Z"));
    const result = validateCertificate(rsaLeaf(), { anchors: bothGenerations(), at: A_MONTH_IN, crl });
    expect(result).toMatchObject({ ok: false, reason: "crl_expired" });
    if (!result.ok) expect(result.message).toContain("2026-04-30T12:00:00.000Z");
  });

  it("refuses a CRL signed by another key, and one that cannot be read", () => {
    const forged = buildCrlFrom(rsaCa2015(), []);
    expect(
      validateCertificate(rsaLeaf(), { anchors: bothGenerations(), at: A_MONTH_IN, crl: forged }),
    ).toMatchObject({
      ok: false,
      reason: "crl_bad_signature",
    });
    const garbage = Uint8Array.of(0x30, 0x03, 0x02, 0x01);
    expect(
      validateCertificate(rsaLeaf(), { anchors: bothGenerations(), at: A_MONTH_IN, crl: garbage }),
    ).toMatchObject({
      ok: false,
      reason: "crl_malformed",
    });
  });

  it("refuses a certificate that cannot be read, and throws for a broken anchor or an invalid time", () => {
    expect(
      validateCertificate(rsaLeaf().subarray(0, 300), { anchors: bothGenerations(), at: A_MONTH_IN }),
    ).toMatchObject({
      ok: false,
      reason: "malformed",
    });
    expect(() =>
      validateCertificate(rsaLeaf(), { anchors: [Uint8Array.of(1, 2, 3)], at: A_MONTH_IN }),
    ).toThrow(CertificateParseError);
    expect(() =>
      validateCertificate(rsaLeaf(), { anchors: bothGenerations(), at: new Date(Number.NaN) }),
    ).toThrow(RangeError);
  });

  it("accepts no altered copy of a valid certificate", () => {
    const original = Buffer.from(rsaLeaf());
    fc.assert(
      fc.property(
        generateMutatedBytes(rsaLeaf()).filter((bytes) => !original.equals(bytes)),
        (bytes) => {
          expect(validateCertificate(bytes, { anchors: bothGenerations(), at: A_MONTH_IN }).ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("trusts no altered copy of a CRL, whether or not it lists the certificate", () => {
    const serial = readSerial(rsaLeaf());
    const crl = buildCrlFrom(rsaCa2023(), [
      { serialNumber: serial, revokedAt: new Date("2026-04-20T00:00:00Z") },
    ]);
    const original = Buffer.from(crl);
    fc.assert(
      fc.property(
        generateMutatedBytes(crl).filter((bytes) => !original.equals(bytes)),
        (bytes) => {
          const result = validateCertificate(rsaLeaf(), {
            anchors: bothGenerations(),
            at: A_MONTH_IN,
            crl: bytes,
          });
          expect(result.ok).toBe(false);
          if (!result.ok) expect(["crl_malformed", "crl_bad_signature"]).toContain(result.reason);
        },
      ),
      { numRuns: 200 },
    );
  });
});
