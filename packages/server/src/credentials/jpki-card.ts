import {
  algorithmForKey,
  type ParsedCertificate,
  SignatureError,
  validateCertificate,
  verifySignature,
} from "@tobira/card";
import { jpkiCredentialKey } from "@tobira/core";
import { AppError } from "../errors";
import type { ProvenCard } from "./proven-card";
import type { JpkiTrustAnchors } from "./trust-anchor-file";

function refuseCertificate(reason: string, message: string): AppError {
  return new AppError("validation_failed", `The certificate cannot be enrolled: ${message}`, [
    { path: "certificate", message: `${reason}: ${message}` },
  ]);
}

/**
 * Checks a My Number Card's user-authentication certificate against the J-LIS trust anchors at `at`
 * (issuer, signature, validity). Refusals carry the validator's reason (expired, unknown_issuer,
 * bad_signature …) and message.
 */
export function checkJpkiCertificate(
  anchors: JpkiTrustAnchors | undefined,
  certificate: Uint8Array,
  at: Date,
): ParsedCertificate {
  if (!anchors) {
    throw new AppError(
      "validation_failed",
      "My Number Cards cannot be enrolled yet: set TOBIRA_JPKI_TRUST_ANCHORS to a PEM file of the J-LIS user-authentication CA certificates and restart the server.",
      [{ path: "kind", message: "needs TOBIRA_JPKI_TRUST_ANCHORS to be set" }],
    );
  }
  const result = validateCertificate(certificate, { anchors: anchors.certificates, at });
  if (!result.ok) throw refuseCertificate(result.reason, result.message);
  if (result.certificate.basicConstraints?.cA === true) {
    throw refuseCertificate(
      "not_a_card",
      "this is a CA certificate, not a card's user-authentication certificate",
    );
  }
  return result.certificate;
}

/**
 * The card's signature over the challenge, as `proveJpkiCardholder` checks it at a door: the algorithm
 * follows the certificate's key (RSA PKCS#1 v1.5 with SHA-256 on current cards).
 */
export function isJpkiSignatureValid(
  certificate: ParsedCertificate,
  challenge: Uint8Array,
  signature: Uint8Array,
): boolean {
  const publicKey = certificate.subjectPublicKeyInfo;
  try {
    return verifySignature({ publicKey, algorithm: algorithmForKey(publicKey), data: challenge, signature });
  } catch (error) {
    if (error instanceof SignatureError) {
      throw refuseCertificate(
        "unsupported_key",
        `the certificate's key cannot sign for Tobira: ${error.message}`,
      );
    }
    throw error;
  }
}

export function describeJpkiCard(certificate: ParsedCertificate): ProvenCard {
  return {
    kind: "jpki",
    key: jpkiCredentialKey(certificate.issuer.text, certificate.serialNumber),
    jpkiIssuer: certificate.issuer.text,
    jpkiSerial: certificate.serialNumber,
    publicKey: Buffer.from(certificate.subjectPublicKeyInfo).toString("base64"),
    validFrom: new Date(certificate.notBefore).toISOString(),
    validTo: new Date(certificate.notAfter).toISOString(),
  };
}
