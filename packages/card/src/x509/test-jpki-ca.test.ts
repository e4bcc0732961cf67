import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseCertificate } from "./parse-certificate";
import { ecCa, FIVE_YEARS_LATER, NOW, rsaCa2023, userEcKeys, userRsaKeys } from "./pki.fixture";
import { createTestJpkiCa, issueUserAuthCertificate } from "./test-jpki-ca";

describe("createTestJpkiCa", () => {
  it("is shaped like J-LIS's user-authentication CA and says it is a test CA", () => {
    const ca = parseCertificate(rsaCa2023().certificate);
    expect(ca.subject.text).toBe(
      "C=JP, O=JPKI, OU=JPKI for user authentication, OU=Japan Agency for Local Authority Information Systems, CN=TEST CA - not J-LIS",
    );
    expect(ca.subject.text).toContain("TEST");
    expect(ca.issuer.text).toBe(ca.subject.text);
    expect(ca).toMatchObject({ keyAlgorithm: "rsa", rsaModulusBits: 2048, basicConstraints: { cA: true } });
    expect(new X509Certificate(rsaCa2023().certificate).verify(rsaCa2023().publicKey)).toBe(true);
  });

  it("gives both generations the same name and different keys, as J-LIS's 2015 and 2023 CAs have", () => {
    const ca2015 = createTestJpkiCa({ generation: "2015", now: NOW, keyType: "ec-p384" });
    expect(ca2015.generation).toBe("2015");
    expect(rsaCa2023().generation).toBe("2023");
    const old = parseCertificate(ca2015.certificate);
    const current = parseCertificate(rsaCa2023().certificate);
    expect(Buffer.from(old.subject.der).equals(current.subject.der)).toBe(true);
    expect(old.publicKey.equals(current.publicKey)).toBe(false);
  });

  it("makes an EC P-384 CA for the next card generation", () => {
    expect(parseCertificate(ecCa().certificate)).toMatchObject({
      keyAlgorithm: "ec-p384",
      signatureAlgorithm: "ecdsa-with-SHA384",
    });
  });
});

describe("issueUserAuthCertificate", () => {
  it("issues a certificate with no personal data, keyUsage digitalSignature and an 8–16 byte serial", () => {
    const serialLengths = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const der = issueUserAuthCertificate(rsaCa2023(), {
        publicKey: userRsaKeys().publicKey,
        notBefore: NOW,
        notAfter: FIVE_YEARS_LATER,
      });
      const leaf = parseCertificate(der);
      const bytes = leaf.serialNumber.length / 2;
      expect(bytes).toBeGreaterThanOrEqual(8);
      expect(bytes).toBeLessThanOrEqual(16);
      serialLengths.add(bytes);
      expect(leaf.subject.attributes.map((a) => a.name)).toEqual(["C", "CN"]);
      expect(leaf.subject.attributes[1]?.value).toMatch(/^[0-9A-F]{24}$/);
      expect(leaf.keyUsage).toEqual(["digitalSignature"]);
      expect(leaf.basicConstraints).toBeNull();
      expect(Buffer.from(leaf.issuer.der).equals(parseCertificate(rsaCa2023().certificate).subject.der)).toBe(
        true,
      );
      expect(new X509Certificate(der).verify(rsaCa2023().publicKey)).toBe(true);
    }
    expect(serialLengths.size).toBeGreaterThan(1);
  });

  it("takes a given serial and an EC P-384 key", () => {
    const der = issueUserAuthCertificate(ecCa(), {
      publicKey: userEcKeys().publicKey,
      serialNumber: 0x1234_5678_9abc_def0n,
      notBefore: NOW,
      notAfter: new Date("2036-04-01T00:00:00Z"),
    });
    expect(parseCertificate(der)).toMatchObject({
      serialNumber: "123456789abcdef0",
      keyAlgorithm: "ec-p384",
    });
    expect(new X509Certificate(der).verify(ecCa().publicKey)).toBe(true);
  });
});
