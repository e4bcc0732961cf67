import type { CardInput } from "@tobira/protocol";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { redeemEnrolmentChallenge } from "./enrolment-challenge";
import { checkJpkiCertificate, describeJpkiCard, isJpkiSignatureValid } from "./jpki-card";
import type { ProvenCard } from "./proven-card";
import { describeStaffCard, isStaffCardSignatureValid, readStaffCardPublicKey } from "./staff-card";
import { describeUidCard } from "./uid-card";

function decodeBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "base64"));
}

function refuseSignature(what: string): AppError {
  return new AppError(
    "validation_failed",
    `The signature does not verify with the ${what}: the card that signed is not the card presented.`,
    [{ path: "signature", message: `does not verify with the ${what}` }],
  );
}

/**
 * Checks what the card says about itself and, for cards that can sign, that the card at the desk
 * signed this enrolment's challenge (proof of possession; for a My Number Card, also of its PIN).
 */
export async function proveCard(
  deps: Pick<Deps, "db" | "clock" | "config">,
  actor: string,
  card: CardInput,
): Promise<ProvenCard> {
  if (card.kind === "uid") return describeUidCard(card.uid);
  const challenge = decodeBase64(card.challenge);
  const signature = decodeBase64(card.signature);
  const redeem = () => redeemEnrolmentChallenge(deps, actor, { challengeId: card.challengeId, challenge });

  if (card.kind === "jpki") {
    const certificate = checkJpkiCertificate(
      deps.config.jpkiTrustAnchors,
      decodeBase64(card.certificate),
      deps.clock.now(),
    );
    await redeem();
    if (!isJpkiSignatureValid(certificate, challenge, signature)) {
      throw refuseSignature("certificate's public key");
    }
    return describeJpkiCard(certificate);
  }

  const publicKey = readStaffCardPublicKey(decodeBase64(card.publicKey));
  await redeem();
  if (!isStaffCardSignatureValid({ cardId: card.cardId, publicKey, challenge, signature })) {
    throw refuseSignature("staff card's public key");
  }
  return describeStaffCard(card.cardId, publicKey);
}
