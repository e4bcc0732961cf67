import type { KeyObject } from "node:crypto";
import {
  encodeBitString,
  encodeContextExplicit,
  encodeInteger,
  encodeSequence,
  encodeTime,
} from "../der/index";
import { encodeExtension } from "./extensions";
import { encodeName, type NameInput } from "./name";
import { Oid } from "./oids";
import { encodeSerialNumber } from "./serial-number";
import { chooseIssuerSigner } from "./signature-algorithms";

export interface CrlTemplate {
  issuerName: NameInput;
  issuerPrivateKey: KeyObject;
  thisUpdate: Date;
  nextUpdate: Date;
  revoked: readonly { serialNumber: bigint | string; revokedAt: Date }[];
  /** The cRLNumber extension; defaults to 1. */
  crlNumber?: bigint;
}

/** Builds and signs an X.509 v2 CRL, signed as `buildCertificate` signs. For tests. */
export function buildCrl(template: CrlTemplate): Uint8Array {
  const signer = chooseIssuerSigner(template.issuerPrivateKey);
  const revoked = template.revoked.map((entry) =>
    encodeSequence([encodeSerialNumber(entry.serialNumber), encodeTime(entry.revokedAt)]),
  );
  const tbs = encodeSequence([
    encodeInteger(1n),
    signer.algorithmIdentifier,
    encodeName(template.issuerName),
    encodeTime(template.thisUpdate),
    encodeTime(template.nextUpdate),
    // RFC 5280 5.1.2.6: an empty list is left out rather than encoded empty.
    ...(revoked.length > 0 ? [encodeSequence(revoked)] : []),
    encodeContextExplicit(
      0,
      encodeSequence([encodeExtension(Oid.crlNumber, false, encodeInteger(template.crlNumber ?? 1n))]),
    ),
  ]);
  return encodeSequence([tbs, signer.algorithmIdentifier, encodeBitString(signer.sign(tbs))]);
}
