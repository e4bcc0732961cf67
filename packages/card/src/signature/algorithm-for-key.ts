import type { KeyObject } from "node:crypto";
import type { SignatureAlgorithm } from "./algorithms";
import { importPublicKey } from "./import-public-key";
import { SignatureError } from "./signature-error";

/** The algorithm a key signs with: RSA → rsa-pkcs1-sha256, P-256 → ecdsa-p256-sha256, P-384 → ecdsa-p384-sha384. */
export function algorithmForKey(publicKey: KeyObject | Uint8Array): SignatureAlgorithm {
  const key = importPublicKey(publicKey);
  if (key.asymmetricKeyType === "rsa") return "rsa-pkcs1-sha256";
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType === "ec" && curve === "prime256v1") return "ecdsa-p256-sha256";
  if (key.asymmetricKeyType === "ec" && curve === "secp384r1") return "ecdsa-p384-sha384";
  throw new SignatureError(
    "unsupported_key",
    `no card signature algorithm for a ${key.asymmetricKeyType} key${curve ? ` on ${curve}` : ""}`,
  );
}
