import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildCertificate } from "./build-certificate";
import { parseCertificate } from "./parse-certificate";
import { NOW } from "./pki.fixture";
import { generateTestKeyPair } from "./test-jpki-ca";

const keys = {
  rsa: generateTestKeyPair("rsa"),
  "ec-p256": generateTestKeyPair("ec-p256"),
  "ec-p384": generateTestKeyPair("ec-p384"),
};

const issuerName = [
  { name: "C", value: "JP" },
  { name: "O", value: "Test Town" },
  { name: "CN", value: "Test Issuer" },
];

describe("buildCertificate", () => {
  it.each([
    ["rsa", "sha256WithRSAEncryption"],
    ["ec-p256", "ecdsa-with-SHA256"],
    ["ec-p384", "ecdsa-with-SHA384"],
  ] as const)("signs with a %s issuer key using %s, and node verifies it", (keyType, algorithm) => {
    const issuer = keys[keyType];
    const subject = keys.rsa;
    const ca = buildCertificate({
      serialNumber: 1n,
      issuer: issuerName,
      subject: issuerName,
      notBefore: NOW,
      notAfter: new Date("2036-04-01T00:00:00Z"),
      subjectPublicKey: issuer.publicKey,
      issuerPrivateKey: issuer.privateKey,
      isCa: true,
    });
    const leaf = buildCertificate({
      serialNumber: "0a1b2c3d4e5f",
      issuer: parseCertificate(ca).subject,
      subject: [{ name: "CN", value: "leaf" }],
      notBefore: NOW,
      notAfter: new Date("2031-04-01T00:00:00Z"),
      subjectPublicKey: subject.publicKey,
      issuerPrivateKey: issuer.privateKey,
      isCa: false,
    });
    const nodeCa = new X509Certificate(ca);
    const nodeLeaf = new X509Certificate(leaf);
    expect(nodeCa.ca).toBe(true);
    expect(nodeCa.verify(issuer.publicKey)).toBe(true);
    expect(nodeLeaf.ca).toBe(false);
    expect(nodeLeaf.verify(issuer.publicKey)).toBe(true);
    expect(nodeLeaf.checkIssued(nodeCa)).toBe(true);
    expect(nodeLeaf.serialNumber).toBe("0A1B2C3D4E5F");
    expect(parseCertificate(leaf).signatureAlgorithm).toBe(algorithm);
  });

  it("writes dates from 2050 as GeneralizedTime, which node reads back", () => {
    const der = buildCertificate({
      serialNumber: 7n,
      issuer: issuerName,
      subject: issuerName,
      notBefore: new Date("1949-12-31T23:59:59Z"),
      notAfter: new Date("2050-01-01T00:00:00Z"),
      subjectPublicKey: keys["ec-p256"].publicKey,
      issuerPrivateKey: keys["ec-p256"].privateKey,
      isCa: true,
    });
    const node = new X509Certificate(der);
    expect(new Date(node.validFrom).toISOString()).toBe("1949-12-31T23:59:59.000Z");
    expect(new Date(node.validTo).toISOString()).toBe("2050-01-01T00:00:00.000Z");
    expect(parseCertificate(der).notAfter).toBe("2050-01-01T00:00:00.000Z");
  });

  it("writes the keyUsage asked for and names in UTF8String when PrintableString cannot hold them", () => {
    const der = buildCertificate({
      serialNumber: 8n,
      issuer: issuerName,
      subject: [{ name: "O", value: "鳥取町役場" }],
      notBefore: NOW,
      notAfter: NOW,
      subjectPublicKey: keys.rsa.publicKey,
      issuerPrivateKey: keys.rsa.privateKey,
      isCa: false,
      keyUsage: ["digitalSignature", "keyEncipherment", "decipherOnly"],
    });
    const parsed = parseCertificate(der);
    expect(parsed.keyUsage).toEqual(["digitalSignature", "keyEncipherment", "decipherOnly"]);
    expect(parsed.subject.text).toBe("O=鳥取町役場");
    expect(new X509Certificate(der).subject).toBe("O=鳥取町役場");
  });

  it("refuses impossible templates", () => {
    const base = {
      serialNumber: 1n,
      issuer: issuerName,
      subject: issuerName,
      notBefore: NOW,
      notAfter: NOW,
      subjectPublicKey: keys.rsa.publicKey,
      issuerPrivateKey: keys.rsa.privateKey,
      isCa: false,
    };
    expect(() => buildCertificate({ ...base, serialNumber: 0n })).toThrow(RangeError);
    expect(() => buildCertificate({ ...base, serialNumber: "xyz" })).toThrow(RangeError);
    expect(() => buildCertificate({ ...base, notBefore: new Date("2030-01-01T00:00:00Z") })).toThrow(
      RangeError,
    );
    expect(() => buildCertificate({ ...base, issuerPrivateKey: keys.rsa.publicKey })).toThrow(RangeError);
    expect(() => buildCertificate({ ...base, subject: [{ name: "nickname", value: "x" }] })).toThrow(
      RangeError,
    );
  });
});
