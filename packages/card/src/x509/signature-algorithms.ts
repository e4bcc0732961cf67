import { constants, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import {
  DerError,
  encodeNull,
  encodeOid,
  encodeSequence,
  openChildren,
  readNull,
  readOid,
  Tag,
  type Tlv,
} from "../der/index";
import { Oid } from "./oids";

export type KnownSignatureAlgorithm = "sha256WithRSAEncryption" | "ecdsa-with-SHA256" | "ecdsa-with-SHA384";
/** A dotted object identifier, e.g. "1.2.840.113549.1.1.10". */
export type OidString = `${number}.${string}`;
/** The algorithm's name when it is one JPKI uses or may use; otherwise its OID. */
export type SignatureAlgorithmName = KnownSignatureAlgorithm | OidString;

interface AlgorithmRule {
  hash: "sha256" | "sha384" | "sha512";
  keyType: "rsa" | "ec";
  name?: KnownSignatureAlgorithm;
}

const RULES: ReadonlyMap<string, AlgorithmRule> = new Map([
  [Oid.sha256WithRSAEncryption, { hash: "sha256", keyType: "rsa", name: "sha256WithRSAEncryption" }],
  [Oid.sha384WithRSAEncryption, { hash: "sha384", keyType: "rsa" }],
  [Oid.sha512WithRSAEncryption, { hash: "sha512", keyType: "rsa" }],
  [Oid.ecdsaWithSha256, { hash: "sha256", keyType: "ec", name: "ecdsa-with-SHA256" }],
  [Oid.ecdsaWithSha384, { hash: "sha384", keyType: "ec", name: "ecdsa-with-SHA384" }],
  [Oid.ecdsaWithSha512, { hash: "sha512", keyType: "ec" }],
]);

function isOidString(text: string): text is OidString {
  return /^\d+(\.\d+)+$/.test(text);
}

export function nameSignatureAlgorithm(oid: string): SignatureAlgorithmName {
  const name = RULES.get(oid)?.name;
  if (name !== undefined) return name;
  if (isOidString(oid)) return oid;
  throw new DerError("invalid_value", `"${oid}" is not an OID`);
}

/**
 * Reads an AlgorithmIdentifier used for a signature and returns its OID. RSA algorithms take NULL
 * parameters (RFC 4055; absent is tolerated), ECDSA none (RFC 5758).
 */
export function readSignatureAlgorithm(tlv: Tlv, what: string): string {
  if (tlv.tag !== Tag.SEQUENCE) throw new DerError("unexpected_tag", `${what} is not a SEQUENCE`);
  const cursor = openChildren(tlv, what);
  const oid = readOid(cursor.expect(Tag.OID, `${what} algorithm`));
  const rule = RULES.get(oid);
  if (rule?.keyType === "rsa") {
    const parameters = cursor.optional(Tag.NULL);
    if (parameters) readNull(parameters, `${what} parameters`);
  }
  if (rule === undefined) {
    while (cursor.hasMore()) cursor.next(`${what} parameters`);
  }
  cursor.finish(what);
  return oid;
}

export function isSupportedSignatureAlgorithm(oid: string): boolean {
  return RULES.has(oid);
}

/** Checks a signature over `data` by an X.509 signature algorithm; false for any mismatch or error. */
export function verifySignedData(
  algorithmOid: string,
  data: Uint8Array,
  signature: Uint8Array,
  publicKey: KeyObject,
): boolean {
  const rule = RULES.get(algorithmOid);
  if (rule === undefined || publicKey.asymmetricKeyType !== rule.keyType) return false;
  try {
    const key =
      rule.keyType === "rsa"
        ? { key: publicKey, padding: constants.RSA_PKCS1_PADDING }
        : { key: publicKey, dsaEncoding: "der" as const };
    return verify(rule.hash, data, key, signature);
  } catch {
    return false;
  }
}

export interface IssuerSigner {
  /** The AlgorithmIdentifier to embed, in the signed part and outside it. */
  algorithmIdentifier: Uint8Array;
  sign(data: Uint8Array): Uint8Array;
}

/**
 * How a CA key signs: RSA with sha256WithRSAEncryption, P-256 with ecdsa-with-SHA256, P-384 with
 * ecdsa-with-SHA384.
 */
export function chooseIssuerSigner(privateKey: KeyObject): IssuerSigner {
  if (privateKey.type !== "private") throw new RangeError("the issuer key must be a private key");
  if (privateKey.asymmetricKeyType === "rsa") {
    return {
      algorithmIdentifier: encodeSequence([encodeOid(Oid.sha256WithRSAEncryption), encodeNull()]),
      sign: (data) => sign("sha256", data, { key: privateKey, padding: constants.RSA_PKCS1_PADDING }),
    };
  }
  const curve = privateKey.asymmetricKeyDetails?.namedCurve;
  if (privateKey.asymmetricKeyType === "ec" && (curve === "prime256v1" || curve === "secp384r1")) {
    const [oid, hash] =
      curve === "prime256v1" ? [Oid.ecdsaWithSha256, "sha256"] : [Oid.ecdsaWithSha384, "sha384"];
    return {
      algorithmIdentifier: encodeSequence([encodeOid(oid)]),
      sign: (data) => sign(hash, data, { key: privateKey, dsaEncoding: "der" }),
    };
  }
  throw new RangeError(`cannot sign with a ${privateKey.asymmetricKeyType} key (${curve ?? "no curve"})`);
}

/** The public half of a key given either half. */
export function toPublicKey(key: KeyObject): KeyObject {
  return key.type === "public" ? key : createPublicKey(key);
}
