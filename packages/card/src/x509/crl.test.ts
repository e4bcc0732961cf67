import { execFileSync, spawnSync } from "node:child_process";
import { verify } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectResultOrTypedError,
  FUZZ_RUNS,
  generateMutatedBytes,
  generateRandomBytes,
} from "../der/fuzz.fixture";
import { buildCrl } from "./build-crl";
import { CertificateParseError } from "./certificate-parse-error";
import { parseCertificate } from "./parse-certificate";
import { parseCrl } from "./parse-crl";
import { ecCa, rsaCa2023 } from "./pki.fixture";

function buildSampleCrl(): Uint8Array {
  return buildCrl({
    issuerName: parseCertificate(rsaCa2023().certificate).subject,
    issuerPrivateKey: rsaCa2023().privateKey,
    thisUpdate: new Date("2026-04-01T00:00:00Z"),
    nextUpdate: new Date("2026-04-02T00:00:00Z"),
    revoked: [
      { serialNumber: "0a1b2c3d4e5f6071", revokedAt: new Date("2026-03-30T09:00:00Z") },
      { serialNumber: 0x80n, revokedAt: new Date("2026-03-31T09:00:00Z") },
    ],
  });
}

describe("buildCrl and parseCrl", () => {
  it("round-trips issuer, dates and revoked serials, and the signature verifies", () => {
    const crl = parseCrl(buildSampleCrl());
    expect(crl).toMatchObject({
      version: 2,
      thisUpdate: "2026-04-01T00:00:00.000Z",
      nextUpdate: "2026-04-02T00:00:00.000Z",
      signatureAlgorithm: "sha256WithRSAEncryption",
      revoked: [
        { serialNumber: "0a1b2c3d4e5f6071", revokedAt: "2026-03-30T09:00:00.000Z" },
        { serialNumber: "80", revokedAt: "2026-03-31T09:00:00.000Z" },
      ],
    });
    expect(crl.issuer.text).toContain("O=JPKI");
    expect(crl.extensions.map((extension) => extension.oid)).toEqual(["2.5.29.20"]);
    expect(verify("sha256", crl.tbsCertList, rsaCa2023().publicKey, crl.signature)).toBe(true);
  });

  it("leaves out an empty revocation list and signs with an EC key", () => {
    const der = buildCrl({
      issuerName: parseCertificate(ecCa().certificate).subject,
      issuerPrivateKey: ecCa().privateKey,
      thisUpdate: new Date("2026-04-01T00:00:00Z"),
      nextUpdate: new Date("2026-04-08T00:00:00Z"),
      revoked: [],
    });
    const crl = parseCrl(der);
    expect(crl.revoked).toEqual([]);
    expect(crl.signatureAlgorithm).toBe("ecdsa-with-SHA384");
    expect(verify("sha384", crl.tbsCertList, ecCa().publicKey, crl.signature)).toBe(true);
  });

  it.runIf(hasOpenssl())("writes a CRL that OpenSSL reads and verifies with the CA certificate", () => {
    const directory = mkdtempSync(join(tmpdir(), "tobira-crl-"));
    try {
      const caPath = join(directory, "ca.der");
      const crlPath = join(directory, "crl.der");
      writeFileSync(caPath, rsaCa2023().certificate);
      writeFileSync(crlPath, buildSampleCrl());
      const caPem = execFileSync("openssl", ["x509", "-inform", "DER", "-in", caPath]);
      writeFileSync(join(directory, "ca.pem"), caPem);
      const result = spawnSync(
        "openssl",
        ["crl", "-inform", "DER", "-in", crlPath, "-CAfile", join(directory, "ca.pem"), "-noout", "-text"],
        { encoding: "utf8" },
      );
      expect(result.stderr).toContain("verify OK");
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("Serial Number: 0A1B2C3D4E5F6071");
      expect(result.stdout).toContain("Next Update: Apr  2 00:00:00 2026 GMT");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("gives a CRL or a CertificateParseError for mutations of a real one and for random bytes", () => {
    const der = buildSampleCrl();
    fc.assert(
      fc.property(fc.oneof(generateMutatedBytes(der), generateRandomBytes(300)), (bytes) => {
        expectResultOrTypedError(() => parseCrl(bytes), [CertificateParseError]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"]);
    return true;
  } catch {
    return false;
  }
}
