import { CertificateParseError } from "./certificate-parse-error";
import { parseCertificate } from "./parse-certificate";

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
const PEM_MARKER = "-----BEGIN";

function decodePem(text: string, source: string): Uint8Array[] {
  const blocks = [...text.matchAll(PEM_BLOCK)].map((match) => match[1] ?? "");
  if (blocks.length === 0) {
    throw new CertificateParseError("malformed", `${source}: no "BEGIN CERTIFICATE" block`);
  }
  return blocks.map((body, index) => {
    const base64 = body.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) {
      throw new CertificateParseError("malformed", `${source}, certificate ${index + 1}: not valid base64`);
    }
    return new Uint8Array(Buffer.from(base64, "base64"));
  });
}

function looksLikePem(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes(PEM_MARKER);
}

/**
 * Reads trusted CA certificates from configuration: PEM text holding one or more certificates, or DER
 * bytes (a PEM file read as bytes is recognised too). Each one must parse; duplicates are dropped.
 * Returns DER, as `validateCertificate` takes it.
 */
export function loadTrustAnchors(
  sources: string | Uint8Array | readonly (string | Uint8Array)[],
): Uint8Array[] {
  const list = typeof sources === "string" || sources instanceof Uint8Array ? [sources] : sources;
  const anchors: Uint8Array[] = [];
  list.forEach((source, index) => {
    const label = `trust anchor source ${index + 1}`;
    const ders =
      typeof source === "string"
        ? decodePem(source, label)
        : looksLikePem(source)
          ? decodePem(Buffer.from(source).toString("latin1"), label)
          : [source];
    for (const der of ders) {
      try {
        parseCertificate(der);
      } catch (error) {
        if (!(error instanceof CertificateParseError)) throw error;
        throw new CertificateParseError(error.reason, `${label}: ${error.message}`, { cause: error });
      }
      if (!anchors.some((known) => Buffer.from(known).equals(der))) anchors.push(der);
    }
  });
  return anchors;
}
