import { createPublicKey, type KeyObject } from "node:crypto";
import {
  DerError,
  makeContextTag,
  openChildren,
  readBitStringBytes,
  readOid,
  readSingleTlv,
  Tag,
} from "../der/index";
import { CertificateParseError, readOrThrow } from "./certificate-parse-error";
import { type BasicConstraints, type Extension, readBasicConstraints, readExtensions } from "./extensions";
import { type KeyUsage, readKeyUsage } from "./key-usage";
import { type Name, readName } from "./name";
import { Oid } from "./oids";
import type { CertificateSummary } from "./read-certificate-summary";
import { readTbsHead } from "./read-tbs-head";
import {
  nameSignatureAlgorithm,
  readSignatureAlgorithm,
  type SignatureAlgorithmName,
} from "./signature-algorithms";

export type KeyAlgorithm = "rsa" | "ec-p256" | "ec-p384" | "other";

/** Byte fields are views into the input, not copies. */
export interface ParsedCertificate extends CertificateSummary {
  /** The same fields as `readCertificateSummary` gives for the card's first block. */
  summary: CertificateSummary;
  der: Uint8Array;
  version: number;
  subject: Name;
  /** The SubjectPublicKeyInfo DER: what an enrolment stores to check the card's signatures later. */
  subjectPublicKeyInfo: Uint8Array;
  publicKey: KeyObject;
  keyAlgorithm: KeyAlgorithm;
  /** RSA modulus size in bits; null for other keys. */
  rsaModulusBits: number | null;
  signatureAlgorithm: SignatureAlgorithmName;
  signatureAlgorithmOid: string;
  tbsCertificate: Uint8Array;
  signature: Uint8Array;
  extensions: Extension[];
  basicConstraints: BasicConstraints | null;
  keyUsage: KeyUsage[] | null;
}

function describeKey(publicKey: KeyObject): { keyAlgorithm: KeyAlgorithm; rsaModulusBits: number | null } {
  const details = publicKey.asymmetricKeyDetails;
  if (publicKey.asymmetricKeyType === "rsa") {
    return { keyAlgorithm: "rsa", rsaModulusBits: details?.modulusLength ?? null };
  }
  if (publicKey.asymmetricKeyType === "ec") {
    if (details?.namedCurve === "prime256v1") return { keyAlgorithm: "ec-p256", rsaModulusBits: null };
    if (details?.namedCurve === "secp384r1") return { keyAlgorithm: "ec-p384", rsaModulusBits: null };
  }
  return { keyAlgorithm: "other", rsaModulusBits: null };
}

function importPublicKey(spki: Uint8Array): KeyObject {
  try {
    return createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" });
  } catch (error) {
    throw new CertificateParseError("malformed", "certificate: the public key cannot be imported", {
      cause: error,
    });
  }
}

function findExtension(extensions: Extension[], oid: string): Extension | undefined {
  return extensions.find((extension) => extension.oid === oid);
}

/**
 * Reads a whole certificate (RFC 5280). Strict DER; nothing may follow it. Throws
 * CertificateParseError "truncated" when bytes are missing, "malformed" otherwise.
 */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  return readOrThrow("certificate", () => {
    const outer = readSingleTlv(der);
    if (outer.tag !== Tag.SEQUENCE) throw new DerError("unexpected_tag", "Certificate is not a SEQUENCE");
    const certificate = openChildren(outer, "Certificate");
    const tbsTlv = certificate.expect(Tag.SEQUENCE, "TBSCertificate");
    const signatureAlgorithmTlv = certificate.expect(Tag.SEQUENCE, "signatureAlgorithm");
    const signature = readBitStringBytes(
      certificate.expect(Tag.BIT_STRING, "signatureValue"),
      "signatureValue",
    );
    certificate.finish("Certificate");

    const tbs = openChildren(tbsTlv, "TBSCertificate");
    const head = readTbsHead(tbs);
    const subject = readName(tbs.expect(Tag.SEQUENCE, "subject"));
    const spkiTlv = tbs.expect(Tag.SEQUENCE, "subjectPublicKeyInfo");
    const spki = openChildren(spkiTlv, "subjectPublicKeyInfo");
    readOid(openChildren(spki.expect(Tag.SEQUENCE, "algorithm"), "algorithm").expect(Tag.OID, "algorithm"));
    readBitStringBytes(spki.expect(Tag.BIT_STRING, "subjectPublicKey"), "subjectPublicKey");
    spki.finish("subjectPublicKeyInfo");
    const issuerUniqueId = tbs.optional(makeContextTag(1, false));
    const subjectUniqueId = tbs.optional(makeContextTag(2, false));
    const extensionsTlv = tbs.optional(makeContextTag(3, true));
    tbs.finish("TBSCertificate");
    if ((issuerUniqueId || subjectUniqueId) && head.version < 2) {
      throw new DerError("invalid_value", "unique identifiers need version 2 or 3");
    }
    if (extensionsTlv && head.version !== 3) throw new DerError("invalid_value", "extensions need version 3");

    const signatureAlgorithmOid = readSignatureAlgorithm(signatureAlgorithmTlv, "signatureAlgorithm");
    // RFC 5280 4.1.1.2: the algorithm inside the signed part must be the same as the outer one.
    if (!Buffer.from(head.signatureTlvDer).equals(signatureAlgorithmTlv.der)) {
      throw new DerError("invalid_value", "the signed and outer signature algorithms differ");
    }

    let extensions: Extension[] = [];
    if (extensionsTlv) {
      const wrapper = openChildren(extensionsTlv, "extensions");
      extensions = readExtensions(wrapper.expect(Tag.SEQUENCE, "Extensions"));
      wrapper.finish("extensions");
    }
    const basicConstraintsExtension = findExtension(extensions, Oid.basicConstraints);
    const keyUsageExtension = findExtension(extensions, Oid.keyUsage);
    const keyUsageTlv = keyUsageExtension ? readSingleTlv(keyUsageExtension.value) : undefined;

    const publicKey = importPublicKey(spkiTlv.der);
    const summary: CertificateSummary = {
      totalLength: der.length,
      serialNumber: head.serialNumber,
      issuer: head.issuer,
      notBefore: head.notBefore,
      notAfter: head.notAfter,
    };
    return {
      ...summary,
      summary,
      der,
      version: head.version,
      subject,
      subjectPublicKeyInfo: spkiTlv.der,
      publicKey,
      ...describeKey(publicKey),
      signatureAlgorithm: nameSignatureAlgorithm(signatureAlgorithmOid),
      signatureAlgorithmOid,
      tbsCertificate: tbsTlv.der,
      signature,
      extensions,
      basicConstraints: basicConstraintsExtension
        ? readBasicConstraints(basicConstraintsExtension.value)
        : null,
      keyUsage: keyUsageTlv ? readKeyUsage(keyUsageTlv) : null,
    };
  });
}
