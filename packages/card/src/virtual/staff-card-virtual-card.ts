import { generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import { equalBytes } from "../apdu/bytes";
import type { ResponseApdu } from "../apdu/response";
import { encodeP256Point } from "../staff-card/p256-point";
import {
  GENERATE_KEY_PAIR_P1,
  STAFF_CARD_AID,
  STAFF_CARD_CHALLENGE_LENGTH,
  STAFF_CARD_ID_LENGTH,
  STAFF_CARD_INS,
  STAFF_CARD_LIFE_CYCLE,
  STAFF_CARD_SIGNATURE_LENGTH,
  STAFF_CARD_TAG,
} from "../staff-card/staff-card-constants";
import { buildStaffCardAuthMessage } from "../staff-card/staff-card-message";
import type { ApduResponder } from "../transport/in-process";
import { buildContactlessAtr } from "./contactless-atr";
import { isReaderGetData, respondToReaderGetData } from "./reader-get-uid";
import { answer, type DecodedCommand, respondSafely } from "./respond-safely";
import { encodeSelectResponse, encodeTlv, isSupportedSelectP2 } from "./select-response";
import { SW, swExactLength } from "./virtual-status-words";

/** What the card keeps in its memory; `personalised` is the life cycle after ACTIVATE. */
export interface StaffCardState {
  cardId?: Uint8Array;
  /** P-256 private key; on a real card it never leaves the chip. */
  privateKey?: KeyObject;
  personalised: boolean;
}

export interface StaffCardVirtualCard extends ApduResponder {
  readonly kind: "staff-card";
  readonly state: StaffCardState;
  respond(command: Uint8Array): Promise<Uint8Array>;
  reset(): void;
}

/**
 * A contactless ISO 14443-4 card as a PC/SC reader reports it, with proprietary historical bytes
 * "TOBIRA" 01 (category byte 54 is outside the ISO 7816-4 categories, which makes them proprietary).
 */
export const STAFF_CARD_ATR = buildContactlessAtr(Uint8Array.of(0x54, 0x4f, 0x42, 0x49, 0x52, 0x41, 0x01));

/** ISO 14443-3: a single-size UID starting 08 is a random identifier, fresh at every activation. */
function createRandomUid(): Uint8Array {
  const uid = new Uint8Array(randomBytes(4));
  uid[0] = 0x08;
  return uid;
}

const PERSONALISATION_INS = new Set<number>([
  STAFF_CARD_INS.generateKeyPair,
  STAFF_CARD_INS.putData,
  STAFF_CARD_INS.activate,
]);
const KNOWN_INS = new Set<number>([...Object.values(STAFF_CARD_INS)]);

/**
 * The staff-card application (docs/staff-card-ap.md) as an APDU responder. Commands other than SELECT
 * before the application is selected answer 69 85. `onChange` runs after every change to the card's
 * memory (key pair, card ID, activation); if it throws, the card answers 65 81 and keeps its old state.
 */
export function createStaffCardVirtualCard(
  initial: StaffCardState,
  options: { onChange?: (state: StaffCardState) => void | Promise<void> } = {},
): StaffCardVirtualCard {
  if (initial.personalised && (initial.cardId === undefined || initial.privateKey === undefined)) {
    throw new RangeError("a personalised staff card has a card ID and a key");
  }
  let state: StaffCardState = { ...initial };
  let selected = false;
  let readerUid = createRandomUid();

  async function store(next: StaffCardState): Promise<boolean> {
    try {
      await options.onChange?.(next);
    } catch {
      return false;
    }
    state = next;
    return true;
  }

  function respondWithData(command: DecodedCommand, data: Uint8Array): ResponseApdu {
    const le = command.le ?? 256;
    if (le < data.length) return answer(swExactLength(data.length));
    return answer(SW.ok, data);
  }

  function select(command: DecodedCommand): ResponseApdu {
    if (command.p1 !== 0x04 || !isSupportedSelectP2(command.p2)) return answer(SW.incorrectP1P2);
    if (command.data === undefined || !equalBytes(command.data, STAFF_CARD_AID))
      return answer(SW.fileNotFound);
    selected = true;
    return answer(SW.ok, encodeSelectResponse(command.p2, [encodeTlv(0x84, STAFF_CARD_AID)]));
  }

  function getData(command: DecodedCommand): ResponseApdu {
    if (command.data !== undefined) return answer(SW.wrongLength);
    const tag = (command.p1 << 8) | command.p2;
    if (tag === STAFF_CARD_TAG.lifeCycle) {
      const lifeCycle = state.personalised
        ? STAFF_CARD_LIFE_CYCLE.operational
        : STAFF_CARD_LIFE_CYCLE.initialisation;
      return respondWithData(command, Uint8Array.of(lifeCycle));
    }
    if (tag === STAFF_CARD_TAG.cardId && state.cardId) return respondWithData(command, state.cardId.slice());
    if (tag === STAFF_CARD_TAG.publicKey && state.privateKey) {
      return respondWithData(command, encodeP256Point(state.privateKey));
    }
    return answer(SW.referencedDataNotFound);
  }

  function internalAuthenticate(command: DecodedCommand): ResponseApdu {
    if (command.p1 !== 0x00 || command.p2 !== 0x00) return answer(SW.incorrectP1P2);
    if (!state.personalised || !state.cardId || !state.privateKey) return answer(SW.conditionsNotSatisfied);
    const challenge = command.data;
    if (
      challenge === undefined ||
      challenge.length < STAFF_CARD_CHALLENGE_LENGTH.min ||
      challenge.length > STAFF_CARD_CHALLENGE_LENGTH.max
    ) {
      return answer(SW.wrongLength);
    }
    if (command.le !== undefined && command.le < STAFF_CARD_SIGNATURE_LENGTH) {
      return answer(swExactLength(STAFF_CARD_SIGNATURE_LENGTH));
    }
    const message = buildStaffCardAuthMessage(state.cardId, challenge);
    const signature = sign("sha256", message, { key: state.privateKey, dsaEncoding: "ieee-p1363" });
    return answer(SW.ok, new Uint8Array(signature));
  }

  async function generateKeyPair(command: DecodedCommand): Promise<ResponseApdu> {
    if (command.p1 !== GENERATE_KEY_PAIR_P1 || command.p2 !== 0x00) return answer(SW.incorrectP1P2);
    if (command.data !== undefined) return answer(SW.wrongLength);
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const point = encodeP256Point(privateKey);
    if (command.le !== undefined && command.le < point.length) return answer(swExactLength(point.length));
    if (!(await store({ ...state, privateKey }))) return answer(SW.memoryFailure);
    return answer(SW.ok, point);
  }

  async function putData(command: DecodedCommand): Promise<ResponseApdu> {
    if (((command.p1 << 8) | command.p2) !== STAFF_CARD_TAG.cardId) return answer(SW.referencedDataNotFound);
    const cardId = command.data;
    if (cardId === undefined || cardId.length !== STAFF_CARD_ID_LENGTH || command.le !== undefined) {
      return answer(SW.wrongLength);
    }
    if (!(await store({ ...state, cardId: cardId.slice() }))) return answer(SW.memoryFailure);
    return answer(SW.ok);
  }

  async function activate(command: DecodedCommand): Promise<ResponseApdu> {
    if (command.p1 !== 0x00 || command.p2 !== 0x00) return answer(SW.incorrectP1P2);
    if (command.data !== undefined || command.le !== undefined) return answer(SW.wrongLength);
    if (!state.cardId || !state.privateKey) return answer(SW.conditionsNotSatisfied);
    if (!(await store({ ...state, personalised: true }))) return answer(SW.memoryFailure);
    return answer(SW.ok);
  }

  function handle(command: DecodedCommand): ResponseApdu | Promise<ResponseApdu> {
    if (isReaderGetData(command)) return respondToReaderGetData(command, readerUid);
    if (command.cla !== 0x00) return answer(SW.claNotSupported);
    if (!KNOWN_INS.has(command.ins)) return answer(SW.insNotSupported);
    if (command.extended) return answer(SW.wrongLength);
    if (command.ins === STAFF_CARD_INS.select) return select(command);
    if (!selected) return answer(SW.conditionsNotSatisfied);
    // Once activated, the card refuses every personalisation command, whatever its parameters.
    if (state.personalised && PERSONALISATION_INS.has(command.ins)) return answer(SW.conditionsNotSatisfied);
    switch (command.ins) {
      case STAFF_CARD_INS.getData:
        return getData(command);
      case STAFF_CARD_INS.internalAuthenticate:
        return internalAuthenticate(command);
      case STAFF_CARD_INS.generateKeyPair:
        return generateKeyPair(command);
      case STAFF_CARD_INS.putData:
        return putData(command);
      case STAFF_CARD_INS.activate:
        return activate(command);
      default:
        return answer(SW.insNotSupported);
    }
  }

  return {
    kind: "staff-card",
    atr: STAFF_CARD_ATR,
    get state() {
      return { ...state };
    },
    respond: (command) => respondSafely(command, handle),
    reset() {
      selected = false;
      readerUid = createRandomUid();
    },
  };
}
