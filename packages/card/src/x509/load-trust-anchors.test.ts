import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CertificateParseError } from "./certificate-parse-error";
import { loadTrustAnchors } from "./load-trust-anchors";
import { NOW } from "./pki.fixture";
import { createTestJpkiCa } from "./test-jpki-ca";

// EC keys are quick to make; loading does not depend on the key type.
const ca2015 = createTestJpkiCa({ generation: "2015", now: NOW, keyType: "ec-p384" });
const ca2023 = createTestJpkiCa({ generation: "2023", now: NOW, keyType: "ec-p384" });

function toPem(der: Uint8Array): string {
  return new X509Certificate(der).toString();
}

describe("loadTrustAnchors", () => {
  it("reads a PEM file holding both CA generations", () => {
    const pem = `# J-LIS user authentication CAs\n${toPem(ca2015.certificate)}\n${toPem(ca2023.certificate)}`;
    const anchors = loadTrustAnchors(pem);
    expect(anchors.map((der) => Buffer.from(der).toString("hex"))).toEqual([
      Buffer.from(ca2015.certificate).toString("hex"),
      Buffer.from(ca2023.certificate).toString("hex"),
    ]);
  });

  it("reads DER bytes, PEM read as bytes, and drops duplicates", () => {
    const anchors = loadTrustAnchors([
      ca2015.certificate,
      Buffer.from(toPem(ca2023.certificate), "latin1"),
      toPem(ca2015.certificate),
    ]);
    expect(anchors).toHaveLength(2);
  });

  it.each([
    ["text with no certificate", "hello"],
    ["bad base64", "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----"],
    ["bytes that are not a certificate", Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01)],
  ])("refuses %s", (_, source) => {
    expect(() => loadTrustAnchors(source)).toThrow(CertificateParseError);
  });
});
