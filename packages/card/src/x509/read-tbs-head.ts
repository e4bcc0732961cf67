import {
  type ChildCursor,
  makeContextTag,
  openChildren,
  readIntegerHex,
  readSmallInteger,
  readTime,
  Tag,
} from "../der/index";
import { type Name, readName } from "./name";

export interface TbsHead {
  /** 1, 2 or 3. */
  version: number;
  serialNumber: string;
  signatureTlvDer: Uint8Array;
  issuer: Name;
  notBefore: string;
  notAfter: string;
}

/**
 * Reads TBSCertificate from its start through the validity: version, serial, signature algorithm,
 * issuer and validity. This much fits in the first 256 bytes a card returns.
 */
export function readTbsHead(cursor: ChildCursor): TbsHead {
  const versionTlv = cursor.optional(makeContextTag(0, true));
  let version = 1;
  if (versionTlv) {
    const inner = openChildren(versionTlv, "version");
    version = readSmallInteger(inner.expect(Tag.INTEGER, "version"), "version", 2) + 1;
    inner.finish("version");
  }
  const serialNumber = readIntegerHex(cursor.expect(Tag.INTEGER, "serialNumber"), "serialNumber");
  const signature = cursor.expect(Tag.SEQUENCE, "signature");
  const issuer = readName(cursor.expect(Tag.SEQUENCE, "issuer"));
  const validity = openChildren(cursor.expect(Tag.SEQUENCE, "validity"), "validity");
  const notBefore = readTime(validity.next("notBefore"), "notBefore");
  const notAfter = readTime(validity.next("notAfter"), "notAfter");
  validity.finish("validity");
  return { version, serialNumber, signatureTlvDer: signature.der, issuer, notBefore, notAfter };
}
