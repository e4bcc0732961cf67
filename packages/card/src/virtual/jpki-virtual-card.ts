import { constants, type KeyObject, privateEncrypt, randomBytes, timingSafeEqual } from "node:crypto";
import { equalBytes, toHex } from "../apdu/bytes";
import type { ResponseApdu } from "../apdu/response";
import type { ApduResponder } from "../transport/in-process";
import {
  FORBIDDEN_APPLICATIONS,
  JPKI_CARD_AID,
  JPKI_CARD_ATR,
  JPKI_FID,
  JPKI_TOKEN_INFO,
  SIGNATURE_PASSWORD_TRIES,
} from "./jpki-card-layout";
import { isReaderGetData, respondToReaderGetData } from "./reader-get-uid";
import { answer, type DecodedCommand, respondSafely } from "./respond-safely";
import { encodeSelectResponse, encodeTlv, isSupportedSelectP2 } from "./select-response";
import { SW, swExactLength, swTriesLeft } from "./virtual-status-words";

export interface JpkiVirtualCardOptions {
  /** The user-authentication PIN: 4 ASCII digits. */
  pin: string;
  pinTriesLeft: number;
  pinMaxTries: number;
  userAuthCertificate: Uint8Array;
  caCertificate: Uint8Array;
  /** The user-authentication private key (RSA). */
  privateKey: KeyObject;
  /**
   * Called with the new counter after every VERIFY that carries a PIN, before the card answers. If it
   * throws, the card answers 65 81 (memory failure) and keeps its previous counter.
   */
  onPinTriesChange?: (pinTriesLeft: number) => void | Promise<void>;
}

/** An attempt to select an application Tobira must never touch. */
export interface ForbiddenSelection {
  application: string;
  aid: string;
}

export interface JpkiVirtualCard extends ApduResponder {
  readonly kind: "jpki";
  readonly forbiddenSelections: readonly ForbiddenSelection[];
  readonly pinTriesLeft: number;
  /** The identifier the reader reports for FF CA in this session (random per reset, as for Type B). */
  readonly readerUid: Uint8Array;
  respond(command: Uint8Array): Promise<Uint8Array>;
  reset(): void;
}

type JpkiFile =
  | { kind: "binary"; content: Uint8Array }
  | { kind: "pin"; fid: typeof JPKI_FID.userAuthPin | typeof JPKI_FID.signaturePassword }
  | { kind: "key" };

const INS = { select: 0xa4, readBinary: 0xb0, verify: 0x20, sign: 0x2a } as const;
const CLA_FOR_INS = new Map<number, number>([
  [INS.select, 0x00],
  [INS.readBinary, 0x00],
  [INS.verify, 0x00],
  [INS.sign, 0x80],
]);

/** PC/SC readers give a Type B card's PUPI; the My Number Card's changes at every activation. */
const READER_UID_LENGTH = 4;

/**
 * A My Number Card's JPKI application as an APDU responder. Behaviour beyond the public facts, chosen
 * to match what an ISO 7816-4 card does:
 * - Selecting the JPKI application (again) or a reset clears the verified PIN. Selecting files inside
 *   the application keeps it, since signing needs SELECT 0017 after VERIFY on 0018.
 * - A failed SELECT changes nothing. 0001/0002/001A are absent: this card carries no signature
 *   certificate, while 001B answers the empty VERIFY (63 C5) because OpenSC's bind asks for it; a
 *   VERIFY with a password there answers 69 85.
 * - READ BINARY: Le 00 is 256; a read that runs past the end returns what is left with 90 00; an
 *   offset at or past the end is 6B 00; extended-length commands are 67 00.
 * - No current file: 69 86; a command the current file does not support: 69 81.
 */
export function createJpkiVirtualCard(options: JpkiVirtualCardOptions): JpkiVirtualCard {
  if (!/^[0-9]{4}$/.test(options.pin)) throw new RangeError("the PIN must be 4 digits");
  if (!Number.isInteger(options.pinMaxTries) || options.pinMaxTries < 1 || options.pinMaxTries > 15) {
    throw new RangeError("pinMaxTries must be 1–15");
  }
  if (
    !Number.isInteger(options.pinTriesLeft) ||
    options.pinTriesLeft < 0 ||
    options.pinTriesLeft > options.pinMaxTries
  ) {
    throw new RangeError("pinTriesLeft must be 0–pinMaxTries");
  }
  const pin = new TextEncoder().encode(options.pin);
  const signatureLength = (options.privateKey.asymmetricKeyDetails?.modulusLength ?? 2048) / 8;
  const files = new Map<number, JpkiFile>([
    [JPKI_FID.tokenInfo, { kind: "binary", content: JPKI_TOKEN_INFO }],
    [JPKI_FID.userAuthCertificate, { kind: "binary", content: options.userAuthCertificate.slice() }],
    [JPKI_FID.userAuthCaCertificate, { kind: "binary", content: options.caCertificate.slice() }],
    [JPKI_FID.userAuthKey, { kind: "key" }],
    [JPKI_FID.userAuthPin, { kind: "pin", fid: JPKI_FID.userAuthPin }],
    [JPKI_FID.signaturePassword, { kind: "pin", fid: JPKI_FID.signaturePassword }],
  ]);

  let pinTriesLeft = options.pinTriesLeft;
  const forbiddenSelections: ForbiddenSelection[] = [];
  let applicationSelected = false;
  let currentFile: JpkiFile | undefined;
  let pinVerified = false;
  let readerUid = new Uint8Array(randomBytes(READER_UID_LENGTH));

  function selectApplication(command: DecodedCommand): ResponseApdu {
    const aid = command.data;
    if (aid === undefined || !equalBytes(aid, JPKI_CARD_AID)) return answer(SW.fileNotFound);
    applicationSelected = true;
    currentFile = undefined;
    pinVerified = false;
    return answer(SW.ok, encodeSelectResponse(command.p2, [encodeTlv(0x84, JPKI_CARD_AID)]));
  }

  function selectFile(command: DecodedCommand): ResponseApdu {
    const fid = command.data;
    if (fid === undefined || fid.length !== 2) return answer(SW.wrongLength);
    if (!applicationSelected) return answer(SW.fileNotFound);
    const file = files.get(((fid[0] ?? 0) << 8) | (fid[1] ?? 0));
    if (file === undefined) return answer(SW.fileNotFound);
    currentFile = file;
    const size =
      file.kind === "binary"
        ? [encodeTlv(0x80, Uint8Array.of(file.content.length >> 8, file.content.length & 0xff))]
        : [];
    return answer(SW.ok, encodeSelectResponse(command.p2, [...size, encodeTlv(0x83, fid)]));
  }

  function select(command: DecodedCommand): ResponseApdu {
    if (!isSupportedSelectP2(command.p2)) return answer(SW.incorrectP1P2);
    if (command.p1 === 0x04) return selectApplication(command);
    if (command.p1 === 0x02) return selectFile(command);
    // Selection from the MF, of a child DF, by path: this card exposes no such files.
    if ([0x00, 0x01, 0x03, 0x08, 0x09].includes(command.p1)) return answer(SW.fileNotFound);
    return answer(SW.incorrectP1P2);
  }

  function readBinary(command: DecodedCommand): ResponseApdu {
    if ((command.p1 & 0x80) !== 0) return answer(SW.incorrectP1P2);
    if (command.data !== undefined || command.le === undefined) return answer(SW.wrongLength);
    if (currentFile === undefined) return answer(SW.noCurrentEf);
    if (currentFile.kind !== "binary") return answer(SW.incompatibleFileStructure);
    const offset = (command.p1 << 8) | command.p2;
    const content = currentFile.content;
    if (offset >= content.length) return answer(SW.wrongOffset);
    return answer(SW.ok, content.slice(offset, offset + command.le));
  }

  async function storePinTries(next: number): Promise<boolean> {
    try {
      await options.onPinTriesChange?.(next);
    } catch {
      return false;
    }
    pinTriesLeft = next;
    return true;
  }

  async function verifyUserAuthPin(data: Uint8Array | undefined): Promise<ResponseApdu> {
    if (pinTriesLeft === 0) return answer(SW.authenticationBlocked);
    if (data === undefined) return answer(swTriesLeft(pinTriesLeft));
    if (data.length !== pin.length) return answer(SW.wrongLength);
    if (timingSafeEqual(data, pin)) {
      if (!(await storePinTries(options.pinMaxTries))) return answer(SW.memoryFailure);
      pinVerified = true;
      return answer(SW.ok);
    }
    // Real cards count the try before comparing, so pulling the card cannot save one.
    if (!(await storePinTries(pinTriesLeft - 1))) return answer(SW.memoryFailure);
    pinVerified = false;
    return answer(swTriesLeft(pinTriesLeft));
  }

  async function verify(command: DecodedCommand): Promise<ResponseApdu> {
    if (command.p1 !== 0x00 || command.p2 !== 0x80) return answer(SW.incorrectP1P2);
    if (currentFile === undefined) return answer(SW.noCurrentEf);
    if (currentFile.kind !== "pin") return answer(SW.incompatibleFileStructure);
    if (currentFile.fid === JPKI_FID.userAuthPin) return verifyUserAuthPin(command.data);
    if (command.data === undefined) return answer(swTriesLeft(SIGNATURE_PASSWORD_TRIES));
    return answer(SW.conditionsNotSatisfied);
  }

  function sign(command: DecodedCommand): ResponseApdu {
    if (command.p1 !== 0x00 || command.p2 !== 0x80) return answer(SW.incorrectP1P2);
    if (currentFile === undefined) return answer(SW.noCurrentEf);
    if (currentFile.kind !== "key") return answer(SW.incompatibleFileStructure);
    if (!pinVerified) return answer(SW.securityNotSatisfied);
    const digestInfo = command.data;
    // PKCS#1 v1.5 type-1 padding needs at least 11 bytes of the modulus.
    if (digestInfo === undefined || digestInfo.length > signatureLength - 11) return answer(SW.wrongLength);
    if (command.le !== undefined && command.le < signatureLength)
      return answer(swExactLength(signatureLength));
    const signature = privateEncrypt(
      { key: options.privateKey, padding: constants.RSA_PKCS1_PADDING },
      digestInfo,
    );
    return answer(SW.ok, new Uint8Array(signature));
  }

  /** Any SELECT naming a forbidden AID is recorded, whatever its class or parameters. */
  function recordForbiddenSelection(command: DecodedCommand): void {
    const aid = command.data;
    if (command.ins !== INS.select || aid === undefined) return;
    const forbidden = FORBIDDEN_APPLICATIONS.find((entry) => equalBytes(entry.aid, aid));
    if (forbidden) forbiddenSelections.push({ application: forbidden.application, aid: toHex(aid) });
  }

  function handle(command: DecodedCommand): ResponseApdu | Promise<ResponseApdu> {
    recordForbiddenSelection(command);
    if (isReaderGetData(command)) return respondToReaderGetData(command, readerUid);
    const expectedCla = CLA_FOR_INS.get(command.ins);
    if (command.cla !== 0x00 && command.cla !== 0x80) return answer(SW.claNotSupported);
    if (expectedCla === undefined) return answer(SW.insNotSupported);
    if (command.cla !== expectedCla) return answer(SW.claNotSupported);
    if (command.extended) return answer(SW.wrongLength);
    switch (command.ins) {
      case INS.select:
        return select(command);
      case INS.readBinary:
        return readBinary(command);
      case INS.verify:
        return verify(command);
      case INS.sign:
        return sign(command);
      default:
        return answer(SW.insNotSupported);
    }
  }

  return {
    kind: "jpki",
    atr: JPKI_CARD_ATR,
    get forbiddenSelections() {
      return forbiddenSelections;
    },
    get pinTriesLeft() {
      return pinTriesLeft;
    },
    get readerUid() {
      return readerUid.slice();
    },
    respond: (command) => respondSafely(command, handle),
    reset() {
      applicationSelected = false;
      currentFile = undefined;
      pinVerified = false;
      readerUid = new Uint8Array(randomBytes(READER_UID_LENGTH));
    },
  };
}
