import { randomBytes } from "node:crypto";
import {
  type CardConnection,
  PIN_GUARD_MINIMUM_TRIES,
  PinRefusedError,
  proveJpkiCardholder,
  readPinStatus,
  SignatureError,
} from "@tobira/card";
import type { PinEntry } from "../pin/pin-entry";
import { describeCardFailure } from "./card-failure";

export const pinPrompt = "暗証番号（4桁）を入力してください / Enter your 4-digit PIN";
export const pinTimeoutMs = 30_000;

export type PinRefusalReason =
  | "pin_cancelled"
  | "pin_wrong"
  | "pin_guard"
  | "pin_blocked"
  | "proof_failed"
  | "card_unreadable";

export type PinProof = { ok: true } | { ok: false; reason: PinRefusalReason; message: string };

function refuse(reason: PinRefusalReason, message: string): PinProof {
  return { ok: false, reason, message };
}

function describePinRefusal(error: PinRefusedError): PinProof {
  if (error.reason === "pin_guard") return refuse("pin_guard", error.message);
  if (error.reason === "pin_blocked") return refuse("pin_blocked", error.message);
  // pin_format: not 4 digits; no try was spent, but to the person it is a wrong PIN all the same.
  return refuse("pin_wrong", error.message);
}

/** Asks the card, without spending a try, whether a PIN may be tried at all (the PIN guard). */
export async function checkPinGuard(connection: CardConnection): Promise<PinProof> {
  const status = await readPinStatus(connection);
  if (status.state === "blocked") {
    return refuse("pin_blocked", "The card's PIN is blocked; the town office counter can reset it.");
  }
  if (status.state === "tries_left" && status.triesLeft <= PIN_GUARD_MINIMUM_TRIES) {
    return refuse(
      "pin_guard",
      `Only ${status.triesLeft} PIN try is left, so the PIN is not asked here; reset it at the town office counter.`,
    );
  }
  return { ok: true };
}

async function provePinOnCard(
  connection: CardConnection,
  pinEntry: PinEntry,
  enrolledPublicKey: Uint8Array,
): Promise<PinProof> {
  const guard = await checkPinGuard(connection);
  if (!guard.ok) return guard;
  const pin = await pinEntry.requestPin(pinPrompt, pinTimeoutMs);
  if (pin === null) return refuse("pin_cancelled", "no PIN was entered");
  const proven = await proveJpkiCardholder(connection, {
    pin,
    challenge: new Uint8Array(randomBytes(32)),
    enrolledPublicKey,
  });
  if (!proven) return refuse("pin_wrong", "the card's signature does not verify with the enrolled key");
  return { ok: true };
}

/**
 * Card + PIN on a My Number Card: the PIN guard first (a card with one try left is never asked), then
 * the PIN from the keypad or screen, VERIFY once, and the card's signature over a fresh challenge checked
 * against the key enrolled for it. Never retried; the PIN goes nowhere but the card.
 */
export async function provePin(
  connection: CardConnection,
  pinEntry: PinEntry,
  enrolledPublicKey: string | null,
): Promise<PinProof> {
  if (enrolledPublicKey === null) return refuse("proof_failed", "no key was enrolled for this card");
  try {
    return await provePinOnCard(
      connection,
      pinEntry,
      new Uint8Array(Buffer.from(enrolledPublicKey, "base64")),
    );
  } catch (error) {
    if (error instanceof PinRefusedError) return describePinRefusal(error);
    if (error instanceof SignatureError) return refuse("proof_failed", error.message);
    const failure = describeCardFailure(error);
    return refuse("card_unreadable", failure.message);
  }
}
