import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { EnrolmentChallenge } from "@tobira/protocol";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import {
  deleteChallengesExpiredBefore,
  findChallenge,
  insertChallenge,
  markChallengeUsed,
} from "./challenge-repository";

const CHALLENGE_BYTES = 32;
const CHALLENGE_LIFETIME_MS = 5 * 60_000;
const KEEP_EXPIRED_MS = 24 * 60 * 60_000;

function hashChallenge(challenge: Uint8Array): string {
  return createHash("sha256").update(challenge).digest("hex");
}

/**
 * A fresh 32-byte challenge for the card to sign at enrolment: single use, five minutes. Only its
 * hash is stored, so the client sends the challenge back with its id.
 */
export async function issueEnrolmentChallenge(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: string,
): Promise<EnrolmentChallenge> {
  const now = clock.now();
  const challenge = new Uint8Array(randomBytes(CHALLENGE_BYTES));
  const expiresAt = new Date(now.getTime() + CHALLENGE_LIFETIME_MS).toISOString();
  await deleteChallengesExpiredBefore(db, new Date(now.getTime() - KEEP_EXPIRED_MS).toISOString());
  const challengeId = await insertChallenge(db, {
    challengeHash: hashChallenge(challenge),
    issuedBy: actor,
    issuedAt: now.toISOString(),
    expiresAt,
  });
  return { challengeId, challenge: Buffer.from(challenge).toString("base64"), expiresAt };
}

function refuseChallenge(path: "challengeId" | "challenge", message: string, detail: string): AppError {
  return new AppError("validation_failed", `${detail} Ask for a new challenge and let the card sign it.`, [
    { path, message },
  ]);
}

/**
 * Uses up the challenge a card signed. A challenge is spent by any attempt that gets this far, even
 * one whose signature turns out wrong, so a signature can never be tried against it twice.
 */
export async function redeemEnrolmentChallenge(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: string,
  proof: { challengeId: number; challenge: Uint8Array },
): Promise<void> {
  const now = clock.now();
  const stored = await findChallenge(db, proof.challengeId);
  if (!stored) {
    throw refuseChallenge(
      "challengeId",
      "is unknown",
      `Enrolment challenge ${proof.challengeId} is unknown.`,
    );
  }
  if (stored.usedAt !== null) {
    throw refuseChallenge(
      "challengeId",
      "has already been used",
      `Enrolment challenge ${stored.id} was already used at ${stored.usedAt}.`,
    );
  }
  if (now.toISOString() >= stored.expiresAt) {
    throw refuseChallenge(
      "challengeId",
      "has expired",
      `Enrolment challenge ${stored.id} expired at ${stored.expiresAt}.`,
    );
  }
  if (stored.issuedBy !== actor) {
    throw refuseChallenge(
      "challengeId",
      "was issued to another user",
      `Enrolment challenge ${stored.id} was issued to another user.`,
    );
  }
  const expected = Buffer.from(stored.challengeHash, "hex");
  const sent = Buffer.from(hashChallenge(proof.challenge), "hex");
  if (!timingSafeEqual(expected, sent)) {
    throw refuseChallenge(
      "challenge",
      "is not the challenge issued",
      `The challenge sent is not the one issued as ${stored.id}.`,
    );
  }
  if (!(await markChallengeUsed(db, stored.id, now.toISOString()))) {
    throw refuseChallenge(
      "challengeId",
      "has already been used",
      `Enrolment challenge ${stored.id} was used by another request just now.`,
    );
  }
}
