import {
  DerError,
  makeContextTag,
  openChildren,
  readBitStringBytes,
  readIntegerHex,
  readSingleTlv,
  readSmallInteger,
  readTime,
  Tag,
} from "../der/index";
import { readOrThrow } from "./certificate-parse-error";
import { type Extension, readExtensions } from "./extensions";
import { type Name, readName } from "./name";
import {
  nameSignatureAlgorithm,
  readSignatureAlgorithm,
  type SignatureAlgorithmName,
} from "./signature-algorithms";

export interface RevokedCertificate {
  /** Lowercase hex without the sign byte, as in CertificateSummary. */
  serialNumber: string;
  revokedAt: string;
}

export interface ParsedCrl {
  der: Uint8Array;
  /** 1 or 2. */
  version: number;
  issuer: Name;
  thisUpdate: string;
  /** Absent only in CRLs that do not follow RFC 5280. */
  nextUpdate: string | null;
  revoked: RevokedCertificate[];
  extensions: Extension[];
  signatureAlgorithm: SignatureAlgorithmName;
  signatureAlgorithmOid: string;
  tbsCertList: Uint8Array;
  signature: Uint8Array;
}

function isTime(tag: number | undefined): boolean {
  return tag === Tag.UTC_TIME || tag === Tag.GENERALIZED_TIME;
}

/**
 * Reads an X.509 v2 CRL (RFC 5280 section 5). Throws CertificateParseError "truncated" or "malformed".
 */
export function parseCrl(der: Uint8Array): ParsedCrl {
  return readOrThrow("CRL", () => {
    const outer = readSingleTlv(der);
    if (outer.tag !== Tag.SEQUENCE) throw new DerError("unexpected_tag", "CertificateList is not a SEQUENCE");
    const list = openChildren(outer, "CertificateList");
    const tbsTlv = list.expect(Tag.SEQUENCE, "TBSCertList");
    const signatureAlgorithmTlv = list.expect(Tag.SEQUENCE, "signatureAlgorithm");
    const signature = readBitStringBytes(list.expect(Tag.BIT_STRING, "signatureValue"), "signatureValue");
    list.finish("CertificateList");

    const tbs = openChildren(tbsTlv, "TBSCertList");
    const versionTlv = tbs.optional(Tag.INTEGER);
    const version = versionTlv ? readSmallInteger(versionTlv, "version", 1) + 1 : 1;
    const innerAlgorithm = tbs.expect(Tag.SEQUENCE, "signature");
    const issuer = readName(tbs.expect(Tag.SEQUENCE, "issuer"));
    const thisUpdate = readTime(tbs.next("thisUpdate"), "thisUpdate");
    const nextUpdate = isTime(tbs.peekTag()) ? readTime(tbs.next("nextUpdate"), "nextUpdate") : null;
    const revoked: RevokedCertificate[] = [];
    let entryExtensionsSeen = false;
    const revokedTlv = tbs.optional(Tag.SEQUENCE);
    if (revokedTlv) {
      const entries = openChildren(revokedTlv, "revokedCertificates");
      while (entries.hasMore()) {
        const entry = openChildren(entries.expect(Tag.SEQUENCE, "revoked entry"), "revoked entry");
        const serialNumber = readIntegerHex(entry.expect(Tag.INTEGER, "userCertificate"), "userCertificate");
        const revokedAt = readTime(entry.next("revocationDate"), "revocationDate");
        const entryExtensions = entry.optional(Tag.SEQUENCE);
        if (entryExtensions) {
          readExtensions(entryExtensions);
          entryExtensionsSeen = true;
        }
        entry.finish("revoked entry");
        revoked.push({ serialNumber, revokedAt });
      }
    }
    const extensionsTlv = tbs.optional(makeContextTag(0, true));
    let extensions: Extension[] = [];
    if (extensionsTlv) {
      const wrapper = openChildren(extensionsTlv, "crlExtensions");
      extensions = readExtensions(wrapper.expect(Tag.SEQUENCE, "Extensions"));
      wrapper.finish("crlExtensions");
    }
    tbs.finish("TBSCertList");
    if (version === 1 && (extensionsTlv !== undefined || entryExtensionsSeen)) {
      throw new DerError("invalid_value", "extensions need a version 2 CRL");
    }

    const signatureAlgorithmOid = readSignatureAlgorithm(signatureAlgorithmTlv, "signatureAlgorithm");
    if (!Buffer.from(innerAlgorithm.der).equals(signatureAlgorithmTlv.der)) {
      throw new DerError("invalid_value", "the signed and outer signature algorithms differ");
    }
    return {
      der,
      version,
      issuer,
      thisUpdate,
      nextUpdate,
      revoked,
      extensions,
      signatureAlgorithm: nameSignatureAlgorithm(signatureAlgorithmOid),
      signatureAlgorithmOid,
      tbsCertList: tbsTlv.der,
      signature,
    };
  });
}
