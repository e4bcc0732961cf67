import {
  DerError,
  encodeIa5String,
  encodeOid,
  encodePrintableString,
  encodeSequence,
  encodeSet,
  encodeUtf8String,
  isPrintableString,
  openChildren,
  readOid,
  readSingleTlv,
  readString,
  Tag,
  type Tlv,
} from "../der/index";
import { describeAttributeType, NAME_ATTRIBUTE_OIDS } from "./oids";

export interface NameAttribute {
  oid: string;
  /** Short name (C, O, OU, CN, L, ST …) or the dotted OID. */
  name: string;
  value: string;
}

/** A distinguished name as read: attributes in certificate order, and its DER for exact comparison. */
export interface Name {
  attributes: NameAttribute[];
  /** "C=JP, O=JPKI, OU=…", in certificate order; several attributes of one RDN are joined with "+". */
  text: string;
  der: Uint8Array;
}

/** An attribute to write: a short name from the table in `oids.ts` or a dotted OID. */
export interface NameEntry {
  name: string;
  value: string;
}

/** What a builder accepts: entries to encode, one per RDN, or an existing name copied byte for byte. */
export type NameInput = readonly NameEntry[] | { der: Uint8Array };

function readAttribute(tlv: Tlv): NameAttribute {
  const cursor = openChildren(tlv, "AttributeTypeAndValue");
  const oid = readOid(cursor.expect(Tag.OID, "attribute type"));
  const valueTlv = cursor.next("attribute value");
  cursor.finish("AttributeTypeAndValue");
  let value: string;
  try {
    value = readString(valueTlv, `value of ${describeAttributeType(oid)}`);
  } catch (error) {
    if (!(error instanceof DerError) || error.reason !== "unexpected_tag") throw error;
    // A value of a non-string type is shown as RFC 4514 shows it: # and the hex of its encoding.
    value = `#${Buffer.from(valueTlv.der).toString("hex")}`;
  }
  return { oid, name: describeAttributeType(oid), value };
}

function readRdns(tlv: Tlv): NameAttribute[][] {
  if (tlv.tag !== Tag.SEQUENCE) throw new DerError("unexpected_tag", "a Name must be a SEQUENCE");
  const rdns: NameAttribute[][] = [];
  const cursor = openChildren(tlv, "Name");
  while (cursor.hasMore()) {
    const set = cursor.expect(Tag.SET, "RelativeDistinguishedName");
    const attributes: NameAttribute[] = [];
    const inner = openChildren(set, "RelativeDistinguishedName");
    while (inner.hasMore()) attributes.push(readAttribute(inner.expect(Tag.SEQUENCE, "attribute")));
    if (attributes.length === 0) throw new DerError("invalid_value", "an RDN with no attribute");
    rdns.push(attributes);
  }
  return rdns;
}

function escapeValue(value: string): string {
  return value.replace(/[\\,+"<>;]/g, (character) => `\\${character}`);
}

export function readName(tlv: Tlv): Name {
  const rdns = readRdns(tlv);
  const text = rdns
    .map((rdn) => rdn.map((attribute) => `${attribute.name}=${escapeValue(attribute.value)}`).join("+"))
    .join(", ");
  return { attributes: rdns.flat(), text, der: tlv.der };
}

/** RFC 5280 7.1, simplified: compare case-insensitively with runs of spaces folded, RDN sets unordered. */
function canonicalize(rdns: NameAttribute[][]): string {
  const fold = (value: string) => value.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
  return JSON.stringify(rdns.map((rdn) => rdn.map((a) => `${a.oid}=${fold(a.value)}`).sort()));
}

/** Whether two names are the same name: identical encodings, or equal after RFC 5280 folding. */
export function isSameName(a: Name, b: Name): boolean {
  if (Buffer.from(a.der).equals(b.der)) return true;
  try {
    return canonicalize(readRdns(readSingleTlv(a.der))) === canonicalize(readRdns(readSingleTlv(b.der)));
  } catch {
    return false;
  }
}

function encodeAttributeValue(oid: string, value: string): Uint8Array {
  if (oid === NAME_ATTRIBUTE_OIDS.C || oid === NAME_ATTRIBUTE_OIDS.serialNumber) {
    return encodePrintableString(value);
  }
  if (oid === NAME_ATTRIBUTE_OIDS.emailAddress || oid === NAME_ATTRIBUTE_OIDS.DC)
    return encodeIa5String(value);
  return isPrintableString(value) ? encodePrintableString(value) : encodeUtf8String(value);
}

function resolveOid(name: string): string {
  const oid = NAME_ATTRIBUTE_OIDS[name];
  if (oid !== undefined) return oid;
  if (/^\d+(\.\d+)+$/.test(name)) return name;
  throw new RangeError(`unknown name attribute "${name}"; use a dotted OID`);
}

/** DER of a Name: one RDN per entry, in the given order (C first, as JPKI writes it). */
export function encodeName(input: NameInput): Uint8Array {
  if ("der" in input) return input.der;
  return encodeSequence(
    input.map((entry) => {
      const oid = resolveOid(entry.name);
      return encodeSet([encodeSequence([encodeOid(oid), encodeAttributeValue(oid, entry.value)])]);
    }),
  );
}
