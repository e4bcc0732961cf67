/** Object identifiers used by X.509 certificates and CRLs here. */
export const Oid = {
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRSAEncryption: "1.2.840.113549.1.1.11",
  sha384WithRSAEncryption: "1.2.840.113549.1.1.12",
  sha512WithRSAEncryption: "1.2.840.113549.1.1.13",
  ecPublicKey: "1.2.840.10045.2.1",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  ecdsaWithSha384: "1.2.840.10045.4.3.3",
  ecdsaWithSha512: "1.2.840.10045.4.3.4",
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  basicConstraints: "2.5.29.19",
  crlNumber: "2.5.29.20",
  authorityKeyIdentifier: "2.5.29.35",
} as const;

/** Short names of naming attributes, as OpenSSL and RFC 4514 print them. */
export const NAME_ATTRIBUTE_OIDS: Readonly<Record<string, string>> = {
  CN: "2.5.4.3",
  SN: "2.5.4.4",
  serialNumber: "2.5.4.5",
  C: "2.5.4.6",
  L: "2.5.4.7",
  ST: "2.5.4.8",
  street: "2.5.4.9",
  O: "2.5.4.10",
  OU: "2.5.4.11",
  title: "2.5.4.12",
  postalCode: "2.5.4.17",
  GN: "2.5.4.42",
  initials: "2.5.4.43",
  dnQualifier: "2.5.4.46",
  pseudonym: "2.5.4.65",
  organizationIdentifier: "2.5.4.97",
  emailAddress: "1.2.840.113549.1.9.1",
  DC: "0.9.2342.19200300.100.1.25",
  UID: "0.9.2342.19200300.100.1.1",
};

const NAMES_BY_OID = new Map(Object.entries(NAME_ATTRIBUTE_OIDS).map(([name, oid]) => [oid, name]));

/** The short name of an attribute, or its dotted OID when it has none. */
export function describeAttributeType(oid: string): string {
  return NAMES_BY_OID.get(oid) ?? oid;
}
