/** The algorithms a card's authentication key uses: RSA today, ECDSA on the next generation. */
export type SignatureAlgorithm = "rsa-pkcs1-sha256" | "ecdsa-p256-sha256" | "ecdsa-p384-sha384";

export interface AlgorithmProfile {
  hash: "sha256" | "sha384";
  keyType: "rsa" | "ec";
  /** Node's name for the curve, for ECDSA. */
  curve?: "prime256v1" | "secp384r1";
  /** Bytes in each of r and s, for ECDSA. */
  coordinateBytes?: number;
}

export const ALGORITHM_PROFILES: Readonly<Record<SignatureAlgorithm, AlgorithmProfile>> = {
  "rsa-pkcs1-sha256": { hash: "sha256", keyType: "rsa" },
  "ecdsa-p256-sha256": { hash: "sha256", keyType: "ec", curve: "prime256v1", coordinateBytes: 32 },
  "ecdsa-p384-sha384": { hash: "sha384", keyType: "ec", curve: "secp384r1", coordinateBytes: 48 },
};
