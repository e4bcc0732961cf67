import { createHash, type KeyObject } from "node:crypto";
import {
  encodeBitString,
  encodeBoolean,
  encodeContextExplicit,
  encodeContextImplicit,
  encodeInteger,
  encodeOctetString,
  encodeSequence,
  encodeTime,
  openChildren,
  readBitStringBytes,
  readSingleTlv,
  Tag,
} from "../der/index";
import { encodeExtension } from "./extensions";
import { encodeKeyUsage, type KeyUsage } from "./key-usage";
import { encodeName, type NameInput } from "./name";
import { Oid } from "./oids";
import { encodeSerialNumber } from "./serial-number";
import { chooseIssuerSigner, toPublicKey } from "./signature-algorithms";

export interface CertificateTemplate {
  serialNumber: bigint | string;
  issuer: NameInput;
  subject: NameInput;
  notBefore: Date;
  notAfter: Date;
  subjectPublicKey: KeyObject;
  issuerPrivateKey: KeyObject;
  isCa: boolean;
  /** Defaults: keyCertSign and cRLSign for a CA, digitalSignature otherwise. */
  keyUsage?: readonly KeyUsage[];
}

function exportSpki(key: KeyObject): Uint8Array {
  return toPublicKey(key).export({ format: "der", type: "spki" });
}

/** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
export function computeKeyIdentifier(spki: Uint8Array): Uint8Array {
  const info = openChildren(readSingleTlv(spki), "subjectPublicKeyInfo");
  info.expect(Tag.SEQUENCE, "algorithm");
  const bits = readBitStringBytes(info.expect(Tag.BIT_STRING, "subjectPublicKey"));
  return createHash("sha1").update(bits).digest();
}

function encodeExtensions(template: CertificateTemplate, subjectSpki: Uint8Array): Uint8Array {
  const keyUsage = template.keyUsage ?? (template.isCa ? ["keyCertSign", "cRLSign"] : ["digitalSignature"]);
  const issuerKeyId = computeKeyIdentifier(exportSpki(template.issuerPrivateKey));
  const extensions = [
    ...(template.isCa
      ? [encodeExtension(Oid.basicConstraints, true, encodeSequence([encodeBoolean(true)]))]
      : []),
    encodeExtension(Oid.keyUsage, true, encodeKeyUsage(keyUsage)),
    encodeExtension(Oid.subjectKeyIdentifier, false, encodeOctetString(computeKeyIdentifier(subjectSpki))),
    encodeExtension(
      Oid.authorityKeyIdentifier,
      false,
      encodeSequence([encodeContextImplicit(0, encodeOctetString(issuerKeyId))]),
    ),
  ];
  return encodeContextExplicit(3, encodeSequence(extensions));
}

/**
 * Builds and signs a v3 certificate: sha256WithRSAEncryption for an RSA issuer, ecdsa-with-SHA256 or
 * -SHA384 for a P-256 or P-384 issuer. For test CAs and virtual cards.
 */
export function buildCertificate(template: CertificateTemplate): Uint8Array {
  if (template.notAfter.getTime() < template.notBefore.getTime()) {
    throw new RangeError("notAfter is before notBefore");
  }
  const signer = chooseIssuerSigner(template.issuerPrivateKey);
  const subjectSpki = exportSpki(template.subjectPublicKey);
  const tbs = encodeSequence([
    encodeContextExplicit(0, encodeInteger(2n)),
    encodeSerialNumber(template.serialNumber),
    signer.algorithmIdentifier,
    encodeName(template.issuer),
    encodeSequence([encodeTime(template.notBefore), encodeTime(template.notAfter)]),
    encodeName(template.subject),
    subjectSpki,
    encodeExtensions(template, subjectSpki),
  ]);
  return encodeSequence([tbs, signer.algorithmIdentifier, encodeBitString(signer.sign(tbs))]);
}
