import { concatBytes } from "../apdu/bytes";
import { exchange, exchangeOk } from "../apdu/exchange";
import { CardStatusError, interpretStatus } from "../apdu/status-words";
import { readHeader } from "../der/index";
import type { CardConnection } from "../transport/transport";
import { CertificateParseError, type CertificateSummary, readCertificateSummary } from "../x509/index";
import {
  JPKI_AID,
  JPKI_FILES,
  JPKI_MAX_CERTIFICATE_BYTES,
  JPKI_READ_BLOCK,
  PIN_GUARD_MINIMUM_TRIES,
} from "./jpki-constants";
import { PinRefusedError } from "./jpki-errors";

export async function selectJpkiApplication(connection: CardConnection): Promise<void> {
  await exchangeOk(connection, { cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: JPKI_AID }, "SELECT JPKI");
}

async function selectFile(connection: CardConnection, fid: Uint8Array, name: string): Promise<void> {
  await exchangeOk(connection, { cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fid }, `SELECT ${name}`);
}

function readBlock(
  connection: CardConnection,
  offset: number,
  length: number,
  name: string,
): Promise<Uint8Array> {
  return exchangeOk(
    connection,
    { cla: 0x00, ins: 0xb0, p1: (offset >> 8) & 0x7f, p2: offset & 0xff, le: length },
    `READ BINARY ${name} at ${offset}`,
  );
}

/**
 * The "tap": three APDUs (select the application, select the certificate, read its first block),
 * enough for the serial number, issuer and validity. No PIN, nothing personal.
 */
export async function identifyJpkiCard(connection: CardConnection): Promise<CertificateSummary> {
  await selectJpkiApplication(connection);
  return readTapSummary(connection);
}

/** The tap's last two APDUs, for a caller that has just selected the JPKI application itself. */
export async function readTapSummary(connection: CardConnection): Promise<CertificateSummary> {
  await selectFile(connection, JPKI_FILES.userAuthCertificate, "user-auth certificate");
  return readCertificateSummary(await readBlock(connection, 0, JPKI_READ_BLOCK, "user-auth certificate"));
}

/**
 * The outer SEQUENCE's header tells the certificate's whole length (30 82 LL LL → LL + 4). A card that
 * claims more than any JPKI certificate needs is refused before a single further read.
 */
function readCertificateLength(first: Uint8Array, name: string): number {
  let header: ReturnType<typeof readHeader>;
  try {
    header = readHeader(first, 0);
  } catch (error) {
    throw new CertificateParseError("malformed", `${name} has no readable DER header`, { cause: error });
  }
  if (header.tag !== 0x30)
    throw new CertificateParseError("malformed", `${name} does not start with a SEQUENCE`);
  const total = header.headerLength + header.length;
  if (total > JPKI_MAX_CERTIFICATE_BYTES) {
    throw new CertificateParseError(
      "malformed",
      `${name} claims ${total} bytes; a JPKI certificate is at most ${JPKI_MAX_CERTIFICATE_BYTES}`,
    );
  }
  return total;
}

/** Reads a whole certificate file: the first block tells the length, the rest follows in 256-byte blocks. */
async function readCertificateFile(
  connection: CardConnection,
  fid: Uint8Array,
  name: string,
): Promise<Uint8Array> {
  await selectJpkiApplication(connection);
  await selectFile(connection, fid, name);
  const first = await readBlock(connection, 0, JPKI_READ_BLOCK, name);
  const totalLength = readCertificateLength(first, name);
  const blocks = [first.subarray(0, Math.min(first.length, totalLength))];
  let offset = blocks[0]?.length ?? 0;
  while (offset < totalLength) {
    const block = await readBlock(connection, offset, Math.min(JPKI_READ_BLOCK, totalLength - offset), name);
    if (block.length === 0) throw new CardStatusError(`READ BINARY ${name} at ${offset} (no data)`, 0x6b00);
    blocks.push(block);
    offset += block.length;
  }
  return concatBytes(...blocks).subarray(0, totalLength);
}

/** The full user-authentication certificate (利用者証明用電子証明書), for enrolment. */
export function readUserAuthCertificate(connection: CardConnection): Promise<Uint8Array> {
  return readCertificateFile(connection, JPKI_FILES.userAuthCertificate, "user-auth certificate");
}

export function readUserAuthCaCertificate(connection: CardConnection): Promise<Uint8Array> {
  return readCertificateFile(connection, JPKI_FILES.userAuthCaCertificate, "user-auth CA certificate");
}

export type PinStatus =
  | { state: "tries_left"; triesLeft: number }
  | { state: "verified" }
  | { state: "blocked" };

/** Asks the card how many PIN tries remain without spending one (an empty VERIFY). */
export async function readPinStatus(connection: CardConnection): Promise<PinStatus> {
  await selectJpkiApplication(connection);
  await selectFile(connection, JPKI_FILES.userAuthPin, "user-auth PIN");
  const { sw } = await exchange(connection, { cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x80 });
  const meaning = interpretStatus(sw);
  if (meaning.kind === "ok") return { state: "verified" };
  if (meaning.kind === "pin_blocked") return { state: "blocked" };
  if (meaning.kind === "wrong_pin" && meaning.count !== undefined)
    return { state: "tries_left", triesLeft: meaning.count };
  throw new CardStatusError("VERIFY (tries left)", sw);
}

const pinPattern = /^[0-9]{4}$/;

/**
 * VERIFY the 4-digit user-auth PIN, guarded: the tries are read first, and no try is spent when one
 * or none remains. A wrong PIN is reported, never retried.
 */
export async function verifyPinGuarded(connection: CardConnection, pin: string): Promise<void> {
  if (!pinPattern.test(pin)) throw new PinRefusedError("pin_format", "The PIN is 4 digits.", null);
  const status = await readPinStatus(connection);
  if (status.state === "blocked") {
    throw new PinRefusedError(
      "pin_blocked",
      "The card's PIN is blocked; the town office counter can reset it.",
      0,
    );
  }
  if (status.state === "tries_left" && status.triesLeft <= PIN_GUARD_MINIMUM_TRIES) {
    throw new PinRefusedError(
      "pin_guard",
      `Only ${status.triesLeft} PIN try is left, so the PIN is not tried here; reset it at the town office counter.`,
      status.triesLeft,
    );
  }
  const { sw } = await exchange(connection, {
    cla: 0x00,
    ins: 0x20,
    p1: 0x00,
    p2: 0x80,
    data: new TextEncoder().encode(pin),
  });
  const meaning = interpretStatus(sw);
  if (meaning.kind === "ok") return;
  if (meaning.kind === "wrong_pin") {
    throw new PinRefusedError(
      "wrong_pin",
      `Wrong PIN; ${meaning.count ?? "?"} tries left.`,
      meaning.count ?? null,
    );
  }
  if (meaning.kind === "pin_blocked") {
    throw new PinRefusedError("pin_blocked", "Wrong PIN; the card's PIN is now blocked.", 0);
  }
  throw new CardStatusError("VERIFY", sw);
}

/** Signs a DER DigestInfo with the user-auth key (the card adds PKCS#1 v1.5 padding). Needs a verified PIN. */
export async function signWithUserAuthKey(
  connection: CardConnection,
  digestInfo: Uint8Array,
): Promise<Uint8Array> {
  await selectFile(connection, JPKI_FILES.userAuthPrivateKey, "user-auth key");
  return exchangeOk(
    connection,
    { cla: 0x80, ins: 0x2a, p1: 0x00, p2: 0x80, data: digestInfo, le: 256 },
    "SIGN with the user-auth key",
  );
}

/** The token label (JPKIAPICCTOKEN2 on a My Number Card), trimmed of its space padding. */
export async function readJpkiTokenInfo(connection: CardConnection): Promise<string> {
  await selectJpkiApplication(connection);
  await selectFile(connection, JPKI_FILES.tokenInfo, "token info");
  const bytes = await readBlock(connection, 0, 32, "token info");
  return new TextDecoder("latin1").decode(bytes).trimEnd();
}
