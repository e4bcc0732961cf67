import {
  type CardConnection,
  digestInfo,
  exchangeOk,
  identifyCard,
  PinRefusedError,
  readUserAuthCertificate,
  STAFF_CARD_INS,
  signWithUserAuthKey,
  verifyPinGuarded,
} from "@tobira/card";
import type { AgentMessage } from "@tobira/protocol";
import type { PinEntry } from "./pin/pin-entry";
import { describeCardFailure } from "./tap/card-failure";
import { checkPinGuard, pinPrompt, pinTimeoutMs } from "./tap/prove-pin";
import { describeOutcome } from "./tap/refusal-messages";

export type EnrolmentResult = Extract<AgentMessage, { type: "enrolment_result" }>["result"];

export interface EnrolmentCardRequest {
  kind: "jpki" | "staffCard";
  challengeId: number;
  /** 32 random bytes from the server, base64. */
  challenge: string;
}

const kindNames = {
  jpki: { ja: "マイナンバーカード", en: "My Number Card" },
  staffCard: { ja: "職員カード", en: "staff card" },
} as const;

function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

function fail(message: string): EnrolmentResult {
  return { ok: false, message: message.slice(0, 200) };
}

async function proveJpkiCard(
  connection: CardConnection,
  request: EnrolmentCardRequest,
  challenge: Uint8Array,
  pinEntry: PinEntry | null,
): Promise<EnrolmentResult> {
  if (pinEntry === null) return fail("この端末では暗証番号を入力できません / This station has no PIN entry");
  // Read first: selecting the application again would forget a verified PIN.
  const certificate = await readUserAuthCertificate(connection);
  const guard = await checkPinGuard(connection);
  if (!guard.ok) return fail(`${describeOutcome(guard.reason)} (${guard.message})`);
  const pin = await pinEntry.requestPin(pinPrompt, pinTimeoutMs);
  if (pin === null) return fail(describeOutcome("pin_cancelled"));
  await verifyPinGuarded(connection, pin);
  const signature = await signWithUserAuthKey(connection, digestInfo("sha256", challenge));
  return {
    ok: true,
    card: {
      kind: "jpki",
      certificate: encodeBase64(certificate),
      challengeId: request.challengeId,
      challenge: request.challenge,
      signature: encodeBase64(signature),
    },
  };
}

async function proveStaffCard(
  connection: CardConnection,
  request: EnrolmentCardRequest,
  challenge: Uint8Array,
  identity: { cardId: string; publicKey: Uint8Array },
): Promise<EnrolmentResult> {
  // identifyCard left the staff-card application selected; it signs domain || card ID || challenge.
  const signature = await exchangeOk(
    connection,
    { cla: 0x00, ins: STAFF_CARD_INS.internalAuthenticate, p1: 0x00, p2: 0x00, data: challenge, le: 256 },
    "INTERNAL AUTHENTICATE",
  );
  return {
    ok: true,
    card: {
      kind: "staffCard",
      cardId: identity.cardId,
      publicKey: encodeBase64(identity.publicKey),
      challengeId: request.challengeId,
      challenge: request.challenge,
      signature: encodeBase64(signature),
    },
  };
}

function describeEnrolmentFailure(error: unknown): EnrolmentResult {
  if (error instanceof PinRefusedError) {
    const reason = error.reason === "wrong_pin" || error.reason === "pin_format" ? "pin_wrong" : error.reason;
    return fail(`${describeOutcome(reason)} (${error.message})`);
  }
  return fail(`${describeOutcome("card_unreadable")} (${describeCardFailure(error).message})`);
}

/**
 * What the enrolment station sends for the card on its reader: a My Number Card's user-authentication
 * certificate and its PIN-unlocked signature over the server's challenge, or a staff card's ID, public
 * key and signature. The server checks both against the certificate or key before binding the card.
 */
export async function proveEnrolmentCard(
  connection: CardConnection,
  request: EnrolmentCardRequest,
  pinEntry: PinEntry | null,
): Promise<EnrolmentResult> {
  const challenge = new Uint8Array(Buffer.from(request.challenge, "base64"));
  try {
    const identity = await identifyCard(connection);
    if (identity === null || identity.kind !== request.kind) {
      const name = kindNames[request.kind];
      return fail(`${name.ja}を置いてください / This is not a ${name.en}`);
    }
    if (identity.kind === "jpki") return await proveJpkiCard(connection, request, challenge, pinEntry);
    if (identity.kind === "staffCard") return await proveStaffCard(connection, request, challenge, identity);
    return fail(describeOutcome("card_unreadable"));
  } catch (error) {
    return describeEnrolmentFailure(error);
  }
}
