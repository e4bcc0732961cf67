import { createPublicKey, type KeyObject } from "node:crypto";
import { concatBytes } from "../apdu/bytes";
import { STAFF_CARD_PUBLIC_KEY_LENGTH } from "./staff-card-constants";

const COORDINATE_LENGTH = 32;

function decodeCoordinate(base64url: string | undefined): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(base64url ?? "", "base64url"));
  if (bytes.length > COORDINATE_LENGTH) throw new RangeError("a P-256 coordinate is 32 bytes");
  const padded = new Uint8Array(COORDINATE_LENGTH);
  padded.set(bytes, COORDINATE_LENGTH - bytes.length);
  return padded;
}

/** A P-256 public key (or the public half of a private key) as 04 || X || Y. */
export function encodeP256Point(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: "jwk" });
  if (jwk.kty !== "EC" || jwk.crv !== "P-256") throw new RangeError("not a P-256 key");
  return concatBytes(Uint8Array.of(0x04), decodeCoordinate(jwk.x), decodeCoordinate(jwk.y));
}

/** The key for an uncompressed P-256 point; throws when the bytes are not a point on the curve. */
export function decodeP256Point(point: Uint8Array): KeyObject {
  if (point.length !== STAFF_CARD_PUBLIC_KEY_LENGTH || point[0] !== 0x04) {
    throw new RangeError("not an uncompressed P-256 point");
  }
  const x = Buffer.from(point.subarray(1, 33)).toString("base64url");
  const y = Buffer.from(point.subarray(33, 65)).toString("base64url");
  return createPublicKey({ key: { kty: "EC", crv: "P-256", x, y }, format: "jwk" });
}

/** SubjectPublicKeyInfo DER of a P-256 point: the form Tobira stores at enrolment. */
export function convertP256PointToSpki(point: Uint8Array): Uint8Array {
  return new Uint8Array(decodeP256Point(point).export({ type: "spki", format: "der" }));
}
