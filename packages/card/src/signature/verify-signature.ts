import { constants, type KeyObject, verify } from "node:crypto";
import { ALGORITHM_PROFILES, type AlgorithmProfile, type SignatureAlgorithm } from "./algorithms";
import { importPublicKey } from "./import-public-key";
import { SignatureError } from "./signature-error";

export interface SignatureCheck {
  /** The signer's public key, or its SubjectPublicKeyInfo DER as stored at enrolment. */
  publicKey: KeyObject | Uint8Array;
  algorithm: SignatureAlgorithm;
  /** The message itself; it is hashed here. */
  data: Uint8Array;
  signature: Uint8Array;
  /**
   * ECDSA only: "der" (SEQUENCE { r, s }) or "raw" (r||s, as cards often return). When left out,
   * either is accepted: both describe the same (r, s), so accepting both makes no forgery easier.
   */
  signatureFormat?: "der" | "raw";
}

function checkKeyFits(key: KeyObject, algorithm: SignatureAlgorithm, profile: AlgorithmProfile): void {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const fits =
    key.asymmetricKeyType === profile.keyType && (profile.curve === undefined || curve === profile.curve);
  if (!fits) {
    const described = `${key.asymmetricKeyType ?? "unknown"}${curve ? ` (${curve})` : ""}`;
    throw new SignatureError("algorithm_mismatch", `${algorithm} cannot be verified with a ${described} key`);
  }
}

function verifyQuietly(
  hash: string,
  data: Uint8Array,
  key: Parameters<typeof verify>[2],
  signature: Uint8Array,
): boolean {
  try {
    return verify(hash, data, key, signature);
  } catch {
    return false;
  }
}

/**
 * Whether `signature` is a valid signature of `data`. A wrong or malformed signature gives false; only
 * a key that does not fit the algorithm (or is not a key) throws a SignatureError. For RSA this is
 * PKCS#1 v1.5 over SHA-256, which is what the JPKI card produces when given a DigestInfo.
 */
export function verifySignature(check: SignatureCheck): boolean {
  const profile = ALGORITHM_PROFILES[check.algorithm];
  const key = importPublicKey(check.publicKey);
  checkKeyFits(key, check.algorithm, profile);
  if (profile.keyType === "rsa") {
    return verifyQuietly(
      profile.hash,
      check.data,
      { key, padding: constants.RSA_PKCS1_PADDING },
      check.signature,
    );
  }
  const rawLength = 2 * (profile.coordinateBytes ?? 0);
  const asDer = () => verifyQuietly(profile.hash, check.data, { key, dsaEncoding: "der" }, check.signature);
  const asRaw = () =>
    check.signature.length === rawLength &&
    verifyQuietly(profile.hash, check.data, { key, dsaEncoding: "ieee-p1363" }, check.signature);
  if (check.signatureFormat === "der") return asDer();
  if (check.signatureFormat === "raw") return asRaw();
  return asDer() || asRaw();
}
