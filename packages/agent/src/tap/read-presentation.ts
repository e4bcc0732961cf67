import { randomBytes } from "node:crypto";
import { authenticateStaffCard, type CardConnection, type CardIdentity, identifyCard } from "@tobira/card";
import {
  type AssuranceLevel,
  jpkiCredentialKey,
  type SnapshotIndex,
  staffCardCredentialKey,
  uidCredentialKey,
} from "@tobira/core";
import { describeCardFailure } from "./card-failure";

/** A card as the reader read it: who it says it is, its credential key, and how strongly that is proven. */
export interface CardPresentation {
  identity: CardIdentity;
  credentialKey: string;
  assurance: AssuranceLevel;
}

export type PresentationRefusal = {
  ok: false;
  reason: "card_unreadable" | "proof_failed";
  /** Known when the card was identified before the proof failed. */
  credentialKey: string | null;
  message: string;
};

export type PresentationResult = { ok: true; presentation: CardPresentation } | PresentationRefusal;

export function findCredentialKey(identity: CardIdentity): string {
  if (identity.kind === "jpki") return jpkiCredentialKey(identity.issuer, identity.serialNumber);
  if (identity.kind === "staffCard") return staffCardCredentialKey(identity.cardId);
  return uidCredentialKey(identity.uid);
}

/** The staff card's enrolled public key as the snapshot holds it (SPKI DER, base64), if any. */
function findEnrolledKey(index: SnapshotIndex | null, credentialKey: string): Uint8Array | null {
  const publicKey = index?.credentials.get(credentialKey)?.credential.publicKey ?? null;
  return publicKey === null ? null : new Uint8Array(Buffer.from(publicKey, "base64"));
}

async function proveStaffCard(
  connection: CardConnection,
  identity: Extract<CardIdentity, { kind: "staffCard" }>,
  credentialKey: string,
  enrolledKey: Uint8Array,
): Promise<PresentationResult> {
  try {
    const proven = await authenticateStaffCard(connection, {
      cardId: identity.cardId,
      challenge: new Uint8Array(randomBytes(32)),
      expectedPublicKey: enrolledKey,
    });
    if (!proven) {
      return {
        ok: false,
        reason: "proof_failed",
        credentialKey,
        message: "the staff card's proof does not verify",
      };
    }
    return { ok: true, presentation: { identity, credentialKey, assurance: "tapProof" } };
  } catch (error) {
    const failure = describeCardFailure(error);
    const reason = failure.removed ? "card_unreadable" : "proof_failed";
    return { ok: false, reason, credentialKey, message: failure.message };
  }
}

/**
 * Reads the card at the strongest level possible without a PIN: a My Number Card or IC card by tap, a
 * staff card by tap + proof against the key the snapshot holds for it. A card the snapshot does not know
 * still gives its key, so decide() can name it unknown.
 */
export async function readPresentation(
  connection: CardConnection,
  index: SnapshotIndex | null,
): Promise<PresentationResult> {
  let identity: CardIdentity | null;
  try {
    identity = await identifyCard(connection);
  } catch (error) {
    return {
      ok: false,
      reason: "card_unreadable",
      credentialKey: null,
      message: describeCardFailure(error).message,
    };
  }
  if (identity === null) {
    return { ok: false, reason: "card_unreadable", credentialKey: null, message: "not a card Tobira knows" };
  }
  const credentialKey = findCredentialKey(identity);
  if (identity.kind !== "staffCard")
    return { ok: true, presentation: { identity, credentialKey, assurance: "tap" } };
  const enrolledKey = findEnrolledKey(index, credentialKey);
  // Without an enrolled key the card could only prove it holds its own key, which proves nothing.
  if (enrolledKey === null) return { ok: true, presentation: { identity, credentialKey, assurance: "tap" } };
  return proveStaffCard(connection, identity, credentialKey, enrolledKey);
}
