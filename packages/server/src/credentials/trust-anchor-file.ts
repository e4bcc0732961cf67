import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CertificateParseError, loadTrustAnchors } from "@tobira/card";

/** The J-LIS user-authentication CA certificates My Number Card certificates are checked against. */
export interface JpkiTrustAnchors {
  path: string;
  certificates: readonly Uint8Array[];
}

/** Reads a PEM (or DER) file of CA certificates; throws an Error whose message says what is wrong. */
export function readTrustAnchorFile(path: string): JpkiTrustAnchors {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(resolve(path)));
  } catch {
    throw new Error(`cannot read ${path}`);
  }
  try {
    return { path, certificates: Object.freeze(loadTrustAnchors(bytes)) };
  } catch (error) {
    if (error instanceof CertificateParseError)
      throw new Error(`${path} holds no usable CA certificate: ${error.message}`);
    throw error;
  }
}
