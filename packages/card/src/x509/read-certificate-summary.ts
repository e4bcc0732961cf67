import { createChildCursor, DerError, readHeader, Tag, type TlvHeader } from "../der/index";
import { CertificateParseError, readOrThrow } from "./certificate-parse-error";
import type { Name } from "./name";
import { readTbsHead } from "./read-tbs-head";

export interface CertificateSummary {
  /** Length of the whole certificate: outer header plus content (30 82 LL LL → LLLL + 4). */
  totalLength: number;
  /** Lowercase hex without the sign byte, e.g. "0a1b2c". */
  serialNumber: string;
  issuer: Name;
  /** ISO 8601 UTC, e.g. "2025-04-01T00:00:00.000Z". */
  notBefore: string;
  notAfter: string;
}

function readSequenceHeader(bytes: Uint8Array, what: string): TlvHeader {
  const header = readHeader(bytes, 0);
  if (header.tag !== Tag.SEQUENCE) throw new DerError("unexpected_tag", `${what} is not a SEQUENCE`);
  return header;
}

function readSummary(prefix: Uint8Array): CertificateSummary {
  const outer = readSequenceHeader(prefix, "Certificate");
  const totalLength = outer.headerLength + outer.length;
  const content = prefix.subarray(outer.headerLength, Math.min(prefix.length, totalLength));
  if (createChildCursor(content, outer.length).peekTag() !== Tag.SEQUENCE) {
    throw new DerError("unexpected_tag", "TBSCertificate is not a SEQUENCE");
  }
  const tbs = readSequenceHeader(content, "TBSCertificate");
  if (tbs.headerLength + tbs.length > outer.length) {
    throw new DerError("overrun", "TBSCertificate runs past the end of the certificate");
  }
  const tbsContent = content.subarray(tbs.headerLength, tbs.headerLength + tbs.length);
  const head = readTbsHead(createChildCursor(tbsContent, tbs.length));
  return {
    totalLength,
    serialNumber: head.serialNumber,
    issuer: head.issuer,
    notBefore: head.notBefore,
    notAfter: head.notAfter,
  };
}

/**
 * Reads serial, issuer and validity from the start of a certificate, which may be cut short anywhere
 * after the validity (a card's first 256-byte block); the key and signature are not needed. Throws
 * CertificateParseError "truncated" when the bytes end sooner, "malformed" when they are not a
 * certificate.
 */
export function readCertificateSummary(prefix: Uint8Array): CertificateSummary {
  try {
    return readOrThrow("certificate", () => readSummary(prefix));
  } catch (error) {
    // With every declared byte at hand, running out of bytes means a length is wrong, not a short read.
    if (error instanceof CertificateParseError && error.reason === "truncated" && isComplete(prefix)) {
      throw new CertificateParseError("malformed", error.message, { cause: error.cause });
    }
    throw error;
  }
}

function isComplete(prefix: Uint8Array): boolean {
  try {
    const outer = readHeader(prefix, 0);
    return prefix.length >= outer.headerLength + outer.length;
  } catch {
    return false;
  }
}
