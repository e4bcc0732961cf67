import { verify, X509Certificate } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectResultOrTypedError,
  FUZZ_RUNS,
  generateMutatedBytes,
  generateRandomBytes,
} from "../der/fuzz.fixture";
import { buildCertificate } from "./build-certificate";
import { CertificateParseError } from "./certificate-parse-error";
import { parseCertificate } from "./parse-certificate";
import { ecCa, NOW, rsaCa2023, rsaLeaf, userEcKeys } from "./pki.fixture";
import { generateTestKeyPair, issueUserAuthCertificate } from "./test-jpki-ca";

function toHexString(der: Uint8Array): string {
  return Buffer.from(der).toString("hex");
}

function catchReason(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof CertificateParseError) return error.reason;
    throw error;
  }
  return "none";
}

describe("parseCertificate", () => {
  it("reads a JPKI-shaped RSA user certificate as node's X509Certificate does", () => {
    const der = rsaLeaf();
    const parsed = parseCertificate(der);
    const node = new X509Certificate(der);
    expect(parsed.serialNumber).toBe(node.serialNumber.toLowerCase());
    expect(parsed.issuer.text.split(", ").join("\n")).toBe(node.issuer);
    expect(parsed.subject.text.split(", ").join("\n")).toBe(node.subject);
    expect(Date.parse(parsed.notBefore)).toBe(Date.parse(node.validFrom));
    expect(Date.parse(parsed.notAfter)).toBe(Date.parse(node.validTo));
    expect(toHexString(parsed.subjectPublicKeyInfo)).toBe(
      toHexString(node.publicKey.export({ format: "der", type: "spki" })),
    );
    expect(parsed.publicKey.equals(node.publicKey)).toBe(true);
    expect(parsed).toMatchObject({
      version: 3,
      totalLength: der.length,
      keyAlgorithm: "rsa",
      rsaModulusBits: 2048,
      signatureAlgorithm: "sha256WithRSAEncryption",
      signatureAlgorithmOid: "1.2.840.113549.1.1.11",
      basicConstraints: null,
      keyUsage: ["digitalSignature"],
    });
    expect(parsed.issuer.attributes.map((a) => a.name)).toEqual(["C", "O", "OU", "OU", "CN"]);
    expect(parsed.subject.attributes.map((a) => a.name)).toEqual(["C", "CN"]);
    expect(verify("sha256", parsed.tbsCertificate, rsaCa2023().publicKey, parsed.signature)).toBe(true);
  });

  it("reads a CA's basicConstraints and keyUsage", () => {
    const parsed = parseCertificate(rsaCa2023().certificate);
    expect(parsed.basicConstraints).toEqual({ cA: true, pathLength: null });
    expect(parsed.keyUsage).toEqual(["keyCertSign", "cRLSign"]);
    expect(new X509Certificate(rsaCa2023().certificate).ca).toBe(true);
  });

  it("reads an EC P-384 certificate under an EC P-384 CA, and a P-256 one", () => {
    const ecLeaf = issueUserAuthCertificate(ecCa(), {
      publicKey: userEcKeys().publicKey,
      notBefore: NOW,
      notAfter: new Date("2036-04-01T00:00:00Z"),
    });
    expect(parseCertificate(ecLeaf)).toMatchObject({
      keyAlgorithm: "ec-p384",
      rsaModulusBits: null,
      signatureAlgorithm: "ecdsa-with-SHA384",
    });
    const p256 = generateTestKeyPair("ec-p256");
    const selfSigned = buildCertificate({
      serialNumber: 1n,
      issuer: [{ name: "CN", value: "P-256" }],
      subject: [{ name: "CN", value: "P-256" }],
      notBefore: NOW,
      notAfter: NOW,
      subjectPublicKey: p256.publicKey,
      issuerPrivateKey: p256.privateKey,
      isCa: true,
    });
    expect(parseCertificate(selfSigned)).toMatchObject({
      keyAlgorithm: "ec-p256",
      signatureAlgorithm: "ecdsa-with-SHA256",
    });
  });

  it("refuses bytes after the certificate and a certificate cut short", () => {
    const der = rsaLeaf();
    expect(catchReason(() => parseCertificate(Uint8Array.from([...der, 0])))).toBe("malformed");
    expect(catchReason(() => parseCertificate(der.subarray(0, der.length - 1)))).toBe("truncated");
  });

  it("refuses a certificate whose outer signature algorithm differs from the signed one", () => {
    const der = Uint8Array.from(rsaLeaf());
    // The last occurrence of sha256WithRSAEncryption is the outer AlgorithmIdentifier.
    const oid = Buffer.from("2a864886f70d01010b", "hex");
    const at = Buffer.from(der).lastIndexOf(oid);
    der[at + oid.length - 1] = 0x0c;
    expect(catchReason(() => parseCertificate(der))).toBe("malformed");
  });

  it("refuses a negative serial number, which would read like a positive one", () => {
    const der = Uint8Array.from(rsaLeaf());
    // version [0] (a0 03 02 01 02) is followed by the serial's INTEGER; set its sign bit.
    const version = Buffer.from("a003020102", "hex");
    const serialValueAt = Buffer.from(der).indexOf(version) + version.length + 2;
    der[serialValueAt] = 0x80;
    expect(catchReason(() => parseCertificate(der))).toBe("malformed");
  });

  it("gives a certificate or a CertificateParseError for mutations of a real one", () => {
    const der = rsaLeaf();
    fc.assert(
      fc.property(generateMutatedBytes(der), (bytes) => {
        expectResultOrTypedError(() => parseCertificate(bytes), [CertificateParseError]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("gives a CertificateParseError for random bytes", () => {
    const withHeader = generateRandomBytes(300).map((bytes) =>
      Uint8Array.from([0x30, 0x82, 0x01, bytes.length & 0xff, ...bytes]),
    );
    fc.assert(
      fc.property(fc.oneof(generateRandomBytes(300), withHeader), (bytes) => {
        expectResultOrTypedError(() => parseCertificate(bytes), [CertificateParseError]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("agrees with node on the serial and the key whenever both accept a mutated certificate", () => {
    const der = rsaLeaf();
    fc.assert(
      fc.property(generateMutatedBytes(der), (bytes) => {
        let parsed: ReturnType<typeof parseCertificate>;
        let node: X509Certificate;
        try {
          parsed = parseCertificate(bytes);
          node = new X509Certificate(bytes);
        } catch {
          return;
        }
        expect(parsed.serialNumber).toBe(node.serialNumber.toLowerCase());
        expect(parsed.publicKey.equals(node.publicKey)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
