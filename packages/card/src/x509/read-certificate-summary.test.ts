import { X509Certificate } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectResultOrTypedError,
  FUZZ_RUNS,
  generateMutatedBytes,
  generateRandomBytes,
} from "../der/fuzz.fixture";
import { createChildCursor, readHeader } from "../der/index";
import { CertificateParseError } from "./certificate-parse-error";
import { parseCertificate } from "./parse-certificate";
import { FIVE_YEARS_LATER, NOW, rsaCa2023, rsaLeaf, userRsaKeys } from "./pki.fixture";
import { readCertificateSummary } from "./read-certificate-summary";
import { issueUserAuthCertificate } from "./test-jpki-ca";

function catchReason(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof CertificateParseError) return error.reason;
    throw error;
  }
  return "none";
}

/** Offset just past the validity: version, serial, signature, issuer, validity. */
function findValidityEnd(der: Uint8Array): number {
  const outer = readHeader(der, 0);
  const tbs = readHeader(der, outer.headerLength);
  const tbsStart = outer.headerLength + tbs.headerLength;
  const cursor = createChildCursor(der.subarray(tbsStart, tbsStart + tbs.length));
  let end = 0;
  for (let i = 0; i < 5; i++) end = cursor.next("field").end;
  return tbsStart + end;
}

describe("readCertificateSummary", () => {
  it("reads serial, issuer and validity from the first 256 bytes a card returns", () => {
    const der = rsaLeaf();
    const summary = readCertificateSummary(der.subarray(0, 256));
    const node = new X509Certificate(der);
    expect(summary.totalLength).toBe(der.length);
    expect(summary.totalLength).toBe(((der[2] ?? 0) << 8) + (der[3] ?? 0) + 4);
    expect(summary.serialNumber).toBe(node.serialNumber.toLowerCase());
    expect(summary.issuer.text).toBe(
      "C=JP, O=JPKI, OU=JPKI for user authentication, OU=Japan Agency for Local Authority Information Systems, CN=TEST CA - not J-LIS",
    );
    expect(summary.notBefore).toBe("2026-04-01T00:00:00.000Z");
    expect(summary.notAfter).toBe("2031-04-01T00:00:00.000Z");
    expect(summary).toEqual(parseCertificate(der).summary);
  });

  it("says truncated for every prefix that ends before the validity, and reads every longer one", () => {
    const der = rsaLeaf();
    const validityEnd = findValidityEnd(der);
    expect(validityEnd).toBeLessThan(256);
    const { serialNumber } = parseCertificate(der);
    for (let length = 0; length <= der.length; length++) {
      const prefix = der.subarray(0, length);
      if (length < validityEnd) expect(catchReason(() => readCertificateSummary(prefix))).toBe("truncated");
      else expect(readCertificateSummary(prefix).serialNumber).toBe(serialNumber);
    }
  });

  it("ignores what follows the certificate in a file (a card's EF can be longer)", () => {
    const der = rsaLeaf();
    const padded = Uint8Array.from([...der, ...new Uint8Array(100).fill(0xff)]);
    expect(readCertificateSummary(padded).totalLength).toBe(der.length);
  });

  it("prints a serial whose first byte is 0x80 or more without the sign byte", () => {
    const der = issueUserAuthCertificate(rsaCa2023(), {
      publicKey: userRsaKeys().publicKey,
      serialNumber: "80112233445566778899",
      notBefore: NOW,
      notAfter: FIVE_YEARS_LATER,
    });
    expect(readCertificateSummary(der.subarray(0, 256)).serialNumber).toBe("80112233445566778899");
    expect(new X509Certificate(der).serialNumber.toLowerCase()).toBe("80112233445566778899");
  });

  it("says malformed for something that is not a certificate", () => {
    const der = Uint8Array.from(rsaLeaf().subarray(0, 256));
    expect(catchReason(() => readCertificateSummary(Uint8Array.of(0x31, 0x03, 0x02, 0x01, 0x00)))).toBe(
      "malformed",
    );
    const wrongSerialTag = Uint8Array.from(der);
    wrongSerialTag[13] = 0x04; // 30 82 LL LL 30 82 LL LL a0 03 02 01 02 [02] …
    expect(catchReason(() => readCertificateSummary(wrongSerialTag))).toBe("malformed");
    const tbsTooLong = Uint8Array.from(der);
    tbsTooLong[6] = 0x7f; // TBSCertificate claims more than the certificate holds
    expect(catchReason(() => readCertificateSummary(tbsTooLong))).toBe("malformed");
    expect(catchReason(() => readCertificateSummary(Uint8Array.of(0x30, 0x80)))).toBe("malformed");
  });

  it("says malformed, not truncated, when the whole certificate is at hand but a length inside is wrong", () => {
    const whole = Uint8Array.of(0x30, 0x06, 0x30, 0x04, 0x02, 0x09, 0x01, 0x02);
    expect(catchReason(() => readCertificateSummary(whole))).toBe("malformed");
  });

  it("gives a summary or a CertificateParseError for mutations of a real first block", () => {
    const block = rsaLeaf().subarray(0, 256);
    fc.assert(
      fc.property(generateMutatedBytes(block), (bytes) => {
        expectResultOrTypedError(() => readCertificateSummary(bytes), [CertificateParseError]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("gives a summary or a CertificateParseError for random bytes", () => {
    const withHeader = generateRandomBytes(256).map((bytes) =>
      Uint8Array.from([0x30, 0x82, 0x06, 0x2b, 0x30, 0x82, ...bytes]),
    );
    fc.assert(
      fc.property(fc.oneof(generateRandomBytes(256), withHeader), (bytes) => {
        expectResultOrTypedError(() => readCertificateSummary(bytes), [CertificateParseError]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
