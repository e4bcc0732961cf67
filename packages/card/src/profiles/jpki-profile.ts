import { CardStatusError } from "../apdu/status-words";
import {
  readTapSummary,
  selectJpkiApplication,
  signWithUserAuthKey,
  verifyPinGuarded,
} from "../jpki/jpki-client";
import { algorithmForKey, digestInfo, verifySignature } from "../signature/index";
import type { CardConnection } from "../transport/transport";
import type { CardIdentity, CardProfile } from "./card-identity";

/** The current My Number Card: JPKI user authentication, RSA-2048 with SHA-256. */
export const jpkiProfile: CardProfile = {
  kind: "jpki",
  async identify(connection) {
    // A card without the JPKI application is simply another kind of card; errors after that are real.
    try {
      await selectJpkiApplication(connection);
    } catch (error) {
      if (error instanceof CardStatusError) return null;
      throw error;
    }
    const summary = await readTapSummary(connection);
    return {
      kind: "jpki",
      issuer: summary.issuer.text,
      serialNumber: summary.serialNumber,
      notBefore: summary.notBefore,
      notAfter: summary.notAfter,
    } satisfies CardIdentity;
  },
};

/**
 * Card + PIN: VERIFY the PIN (guarded), have the card sign the reader's fresh challenge, and check the
 * signature against the public key recorded at enrolment. The hash and DigestInfo are this profile's
 * choice; the verification follows the enrolled key, so a next-generation EC key works unchanged.
 */
export async function proveJpkiCardholder(
  connection: CardConnection,
  request: { pin: string; challenge: Uint8Array; enrolledPublicKey: Uint8Array },
): Promise<boolean> {
  await verifyPinGuarded(connection, request.pin);
  const signature = await signWithUserAuthKey(connection, digestInfo("sha256", request.challenge));
  return verifySignature({
    publicKey: request.enrolledPublicKey,
    algorithm: algorithmForKey(request.enrolledPublicKey),
    data: request.challenge,
    signature,
  });
}
