export { buildCertificate, type CertificateTemplate } from "./build-certificate";
export { buildCrl, type CrlTemplate } from "./build-crl";
export { CertificateParseError, type CertificateParseErrorReason } from "./certificate-parse-error";
export type { BasicConstraints, Extension } from "./extensions";
export { KEY_USAGES, type KeyUsage } from "./key-usage";
export { loadTrustAnchors } from "./load-trust-anchors";
export {
  encodeName,
  isSameName,
  type Name,
  type NameAttribute,
  type NameEntry,
  type NameInput,
} from "./name";
export { NAME_ATTRIBUTE_OIDS, Oid } from "./oids";
export { type KeyAlgorithm, type ParsedCertificate, parseCertificate } from "./parse-certificate";
export { type ParsedCrl, parseCrl, type RevokedCertificate } from "./parse-crl";
export { type CertificateSummary, readCertificateSummary } from "./read-certificate-summary";
export type { KnownSignatureAlgorithm, OidString, SignatureAlgorithmName } from "./signature-algorithms";
export {
  createTestJpkiCa,
  generateSerialNumber,
  generateTestKeyPair,
  issueUserAuthCertificate,
  TEST_JPKI_CA_SUBJECT,
  type TestJpkiCa,
  type TestJpkiCaOptions,
  type UserAuthCertificateOptions,
} from "./test-jpki-ca";
export {
  type ValidationFailure,
  type ValidationOptions,
  type ValidationResult,
  validateCertificate,
} from "./validate-certificate";
