import { CertificateParseError } from "./certificate-parse-error";
import { isSameName } from "./name";
import { type ParsedCertificate, parseCertificate } from "./parse-certificate";
import { type ParsedCrl, parseCrl } from "./parse-crl";
import { isSupportedSignatureAlgorithm, verifySignedData } from "./signature-algorithms";

export type ValidationFailure =
  | "malformed"
  | "unknown_issuer"
  | "bad_signature"
  | "not_yet_valid"
  | "expired"
  | "anchor_expired"
  | "not_a_ca"
  | "revoked"
  | "crl_malformed"
  | "crl_bad_signature"
  | "crl_expired";

export type ValidationResult =
  | { ok: true; certificate: ParsedCertificate; anchor: Uint8Array }
  | { ok: false; reason: ValidationFailure; message: string };

export interface ValidationOptions {
  /** Trusted CA certificates (DER). Production holds both live J-LIS generations, 2015 and 2023. */
  anchors: readonly Uint8Array[];
  at: Date;
  /** A CRL from the anchor that issued the leaf; optional because J-LIS gives CRLs to approved verifiers only. */
  crl?: Uint8Array;
}

interface Anchor {
  der: Uint8Array;
  parsed: ParsedCertificate;
}

function fail(reason: ValidationFailure, message: string): ValidationResult {
  return { ok: false, reason, message };
}

function parseAnchors(anchors: readonly Uint8Array[]): Anchor[] {
  return anchors.map((der, index) => {
    try {
      return { der, parsed: parseCertificate(der) };
    } catch (error) {
      if (!(error instanceof CertificateParseError)) throw error;
      // A broken anchor is a configuration error, not a property of the card.
      throw new CertificateParseError(error.reason, `trust anchor ${index + 1}: ${error.message}`, {
        cause: error,
      });
    }
  });
}

function describeCertificate(certificate: ParsedCertificate): string {
  return `certificate ${certificate.serialNumber}`;
}

function describeAnchor(anchor: ParsedCertificate): string {
  return `trust anchor "${anchor.subject.text}" (serial ${anchor.serialNumber})`;
}

/** Problems with the anchor itself at `at`, or null. */
function checkAnchor(anchor: ParsedCertificate, at: number): ValidationResult | null {
  if (anchor.basicConstraints?.cA !== true) {
    return fail("not_a_ca", `${describeAnchor(anchor)} is not a CA: basicConstraints cA is not set`);
  }
  if (anchor.keyUsage !== null && !anchor.keyUsage.includes("keyCertSign")) {
    return fail(
      "not_a_ca",
      `${describeAnchor(anchor)} may not sign certificates: keyUsage lacks keyCertSign`,
    );
  }
  if (at < Date.parse(anchor.notBefore)) {
    return fail("anchor_expired", `${describeAnchor(anchor)} is not valid until ${anchor.notBefore}`);
  }
  if (at > Date.parse(anchor.notAfter)) {
    return fail("anchor_expired", `${describeAnchor(anchor)} expired at ${anchor.notAfter}`);
  }
  return null;
}

function checkValidity(leaf: ParsedCertificate, at: Date): ValidationResult | null {
  const when = at.toISOString();
  if (at.getTime() < Date.parse(leaf.notBefore)) {
    return fail(
      "not_yet_valid",
      `${describeCertificate(leaf)} is not valid until ${leaf.notBefore} (checked at ${when})`,
    );
  }
  if (at.getTime() > Date.parse(leaf.notAfter)) {
    return fail("expired", `${describeCertificate(leaf)} expired at ${leaf.notAfter} (checked at ${when})`);
  }
  return null;
}

function checkRevocation(
  leaf: ParsedCertificate,
  anchor: ParsedCertificate,
  crlDer: Uint8Array,
  at: Date,
): ValidationResult | null {
  let crl: ParsedCrl;
  try {
    crl = parseCrl(crlDer);
  } catch (error) {
    if (!(error instanceof CertificateParseError)) throw error;
    return fail("crl_malformed", `the CRL cannot be read: ${error.message}`);
  }
  if (!isSameName(crl.issuer, anchor.subject)) {
    return fail(
      "crl_bad_signature",
      `the CRL is issued by "${crl.issuer.text}", not by ${describeAnchor(anchor)}`,
    );
  }
  if (anchor.keyUsage !== null && !anchor.keyUsage.includes("cRLSign")) {
    return fail("crl_bad_signature", `${describeAnchor(anchor)} may not sign CRLs: keyUsage lacks cRLSign`);
  }
  if (!verifySignedData(crl.signatureAlgorithmOid, crl.tbsCertList, crl.signature, anchor.publicKey)) {
    return fail(
      "crl_bad_signature",
      `the CRL's signature does not verify with the key of ${describeAnchor(anchor)}`,
    );
  }
  const when = at.toISOString();
  if (crl.nextUpdate === null) {
    return fail("crl_malformed", "the CRL has no nextUpdate, so its freshness cannot be judged");
  }
  if (at.getTime() < Date.parse(crl.thisUpdate)) {
    return fail("crl_expired", `the CRL is dated ${crl.thisUpdate}, after the time checked (${when})`);
  }
  if (at.getTime() > Date.parse(crl.nextUpdate)) {
    return fail("crl_expired", `the CRL was due to be replaced at ${crl.nextUpdate} (checked at ${when})`);
  }
  const entry = crl.revoked.find((revoked) => revoked.serialNumber === leaf.serialNumber);
  if (entry) {
    return fail(
      "revoked",
      `${describeCertificate(leaf)} was revoked at ${entry.revokedAt} (CRL of ${crl.thisUpdate})`,
    );
  }
  return null;
}

/**
 * Checks a leaf certificate against trust anchors that issued it directly (JPKI has no intermediate
 * CAs): issuer name, signature, validity of leaf and anchor at `at`, the anchor's CA status and, when a
 * CRL is given, revocation. Expected failures are results with a reason and an English message; only
 * programming and configuration errors throw (an invalid `at`, a malformed anchor).
 */
export function validateCertificate(leafDer: Uint8Array, options: ValidationOptions): ValidationResult {
  // An invalid Date compares false with everything and would pass every validity check.
  if (Number.isNaN(options.at.getTime())) throw new RangeError("validateCertificate needs a valid `at` time");
  const anchors = parseAnchors(options.anchors);
  let leaf: ParsedCertificate;
  try {
    leaf = parseCertificate(leafDer);
  } catch (error) {
    if (!(error instanceof CertificateParseError)) throw error;
    return fail("malformed", `the certificate cannot be read: ${error.message}`);
  }
  const named = anchors.filter((anchor) => isSameName(anchor.parsed.subject, leaf.issuer));
  if (named.length === 0) {
    return fail(
      "unknown_issuer",
      `no trust anchor is named "${leaf.issuer.text}", the issuer of ${describeCertificate(leaf)}`,
    );
  }
  if (!isSupportedSignatureAlgorithm(leaf.signatureAlgorithmOid)) {
    return fail(
      "bad_signature",
      `${describeCertificate(leaf)} is signed with unsupported algorithm ${leaf.signatureAlgorithmOid}`,
    );
  }
  // The 2015 and 2023 CAs share one name; the signature tells which of them issued the leaf.
  const signers = named.filter((anchor) =>
    verifySignedData(
      leaf.signatureAlgorithmOid,
      leaf.tbsCertificate,
      leaf.signature,
      anchor.parsed.publicKey,
    ),
  );
  const [firstSigner] = signers;
  if (firstSigner === undefined) {
    return fail(
      "bad_signature",
      `the signature of ${describeCertificate(leaf)} does not verify with the key of any of the ${named.length} trust anchor(s) named "${leaf.issuer.text}"`,
    );
  }
  const at = options.at.getTime();
  const anchor = signers.find((candidate) => checkAnchor(candidate.parsed, at) === null) ?? firstSigner;
  const problem =
    checkAnchor(anchor.parsed, at) ??
    checkValidity(leaf, options.at) ??
    (options.crl ? checkRevocation(leaf, anchor.parsed, options.crl, options.at) : null);
  return problem ?? { ok: true, certificate: leaf, anchor: anchor.der };
}
