import {
  DerError,
  encodeBoolean,
  encodeOctetString,
  encodeOid,
  encodeSequence,
  openChildren,
  readBoolean,
  readOctetString,
  readOid,
  readSingleTlv,
  readSmallInteger,
  Tag,
  type Tlv,
} from "../der/index";

export interface Extension {
  oid: string;
  critical: boolean;
  /** The extnValue contents: the DER of the extension's own structure. */
  value: Uint8Array;
}

export interface BasicConstraints {
  cA: boolean;
  pathLength: number | null;
}

/** Reads `Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension`; an OID may appear only once. */
export function readExtensions(tlv: Tlv): Extension[] {
  if (tlv.tag !== Tag.SEQUENCE) throw new DerError("unexpected_tag", "Extensions is not a SEQUENCE");
  const cursor = openChildren(tlv, "Extensions");
  const extensions: Extension[] = [];
  while (cursor.hasMore()) {
    const inner = openChildren(cursor.expect(Tag.SEQUENCE, "Extension"), "Extension");
    const oid = readOid(inner.expect(Tag.OID, "extnID"));
    const criticalTlv = inner.optional(Tag.BOOLEAN);
    const critical = criticalTlv ? readBoolean(criticalTlv, "critical") : false;
    const value = readOctetString(inner.expect(Tag.OCTET_STRING, "extnValue"), "extnValue");
    inner.finish("Extension");
    if (extensions.some((extension) => extension.oid === oid)) {
      throw new DerError("invalid_value", `extension ${oid} appears twice`);
    }
    extensions.push({ oid, critical, value });
  }
  if (extensions.length === 0) throw new DerError("invalid_value", "Extensions is empty");
  return extensions;
}

export function readBasicConstraints(value: Uint8Array): BasicConstraints {
  const sequence = readSingleTlv(value);
  if (sequence.tag !== Tag.SEQUENCE)
    throw new DerError("unexpected_tag", "basicConstraints is not a SEQUENCE");
  const cursor = openChildren(sequence, "basicConstraints");
  const cATlv = cursor.optional(Tag.BOOLEAN);
  const pathTlv = cursor.optional(Tag.INTEGER);
  cursor.finish("basicConstraints");
  return {
    cA: cATlv ? readBoolean(cATlv, "cA") : false,
    pathLength: pathTlv ? readSmallInteger(pathTlv, "pathLenConstraint") : null,
  };
}

export function encodeExtension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  return encodeSequence([
    encodeOid(oid),
    ...(critical ? [encodeBoolean(true)] : []),
    encodeOctetString(value),
  ]);
}
