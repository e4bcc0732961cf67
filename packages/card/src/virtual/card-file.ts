import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { UID_LENGTHS } from "./uid-virtual-card";

/*
 * Virtual cards live in JSON files, one card per file, so a demo or a test can hold a whole office's
 * worth. Binary values are base64 (DER certificates, PKCS#8 keys) or hex (identifiers).
 */

export interface JpkiCardFile {
  kind: "jpki";
  label?: string;
  /** 4 ASCII digits. */
  pin: string;
  pinTriesLeft: number;
  pinMaxTries: number;
  /** base64 DER. */
  userAuthCertificate: string;
  /** base64 DER. */
  caCertificate: string;
  /** base64 PKCS#8 DER, RSA. */
  privateKey: string;
}

export interface StaffCardFile {
  kind: "staff-card";
  label?: string;
  /** 16 bytes, hex; absent until personalisation writes it. */
  cardId?: string;
  /** base64 PKCS#8 DER, P-256; absent until the card generates it. */
  privateKey?: string;
  /** True once personalisation is finished (the application is activated). */
  personalised: boolean;
}

export interface UidCardFile {
  kind: "uid";
  label?: string;
  /** hex: FeliCa IDm (8 bytes), MIFARE UID (4 or 7 bytes). */
  uid: string;
  technology: "felica" | "mifare";
}

export type CardFile = JpkiCardFile | StaffCardFile | UidCardFile;

/** A card file that cannot be used, naming the field at fault. */
export class CardFileError extends Error {
  override name = "CardFileError";

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type Fields = Record<string, unknown>;

const FIELDS: Record<CardFile["kind"], readonly string[]> = {
  jpki: [
    "kind",
    "label",
    "pin",
    "pinTriesLeft",
    "pinMaxTries",
    "userAuthCertificate",
    "caCertificate",
    "privateKey",
  ],
  "staff-card": ["kind", "label", "cardId", "privateKey", "personalised"],
  uid: ["kind", "label", "uid", "technology"],
};

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(source: string, field: string, problem: string): never {
  throw new CardFileError(field, `${source}: "${field}" ${problem}`);
}

function readString(fields: Fields, field: string, source: string): string {
  const value = fields[field];
  if (typeof value !== "string") fail(source, field, "must be a string");
  return value;
}

function readOptionalString(fields: Fields, field: string, source: string): string | undefined {
  return fields[field] === undefined ? undefined : readString(fields, field, source);
}

function readInteger(fields: Fields, field: string, source: string, min: number, max: number): number {
  const value = fields[field];
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    fail(source, field, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

function readBase64(fields: Fields, field: string, source: string): Uint8Array {
  const text = readString(fields, field, source);
  if (text.length === 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    fail(source, field, "must be base64");
  }
  return new Uint8Array(Buffer.from(text, "base64"));
}

function readHex(fields: Fields, field: string, source: string, lengths: readonly number[]): Uint8Array {
  const text = readString(fields, field, source);
  const bytes = text.length / 2;
  if (!/^([0-9a-fA-F]{2})+$/.test(text) || !lengths.includes(bytes)) {
    fail(source, field, `must be hex of ${lengths.join(" or ")} bytes`);
  }
  return new Uint8Array(Buffer.from(text, "hex"));
}

function checkCertificate(fields: Fields, field: string, source: string): void {
  const der = readBase64(fields, field, source);
  try {
    new X509Certificate(der);
  } catch {
    fail(source, field, "must be a DER X.509 certificate");
  }
}

function checkPrivateKey(fields: Fields, field: string, source: string, kind: "rsa-2048" | "p-256"): void {
  const der = readBase64(fields, field, source);
  let details: { type: string | undefined; bits: number | undefined; curve: string | undefined };
  try {
    const key = createPrivateKey({ key: Buffer.from(der), format: "der", type: "pkcs8" });
    const { modulusLength, namedCurve } = key.asymmetricKeyDetails ?? {};
    details = { type: key.asymmetricKeyType, bits: modulusLength, curve: namedCurve };
  } catch {
    fail(source, field, "must be a PKCS#8 DER private key");
  }
  if (kind === "rsa-2048" && (details.type !== "rsa" || details.bits !== 2048)) {
    fail(source, field, "must be an RSA-2048 key");
  }
  if (kind === "p-256" && (details.type !== "ec" || details.curve !== "prime256v1")) {
    fail(source, field, "must be a P-256 key");
  }
}

function checkFieldNames(fields: Fields, kind: CardFile["kind"], source: string): void {
  const unknown = Object.keys(fields).find((key) => !FIELDS[kind].includes(key));
  if (unknown !== undefined) fail(source, unknown, `is not a field of a ${kind} card`);
}

function parseJpki(fields: Fields, source: string): JpkiCardFile {
  const pin = readString(fields, "pin", source);
  if (!/^[0-9]{4}$/.test(pin)) fail(source, "pin", "must be 4 digits");
  const pinMaxTries = readInteger(fields, "pinMaxTries", source, 1, 15);
  const pinTriesLeft = readInteger(fields, "pinTriesLeft", source, 0, pinMaxTries);
  checkCertificate(fields, "userAuthCertificate", source);
  checkCertificate(fields, "caCertificate", source);
  checkPrivateKey(fields, "privateKey", source, "rsa-2048");
  const label = readOptionalString(fields, "label", source);
  return {
    kind: "jpki",
    ...(label === undefined ? {} : { label }),
    pin,
    pinTriesLeft,
    pinMaxTries,
    userAuthCertificate: readString(fields, "userAuthCertificate", source),
    caCertificate: readString(fields, "caCertificate", source),
    privateKey: readString(fields, "privateKey", source),
  };
}

function parseStaffCard(fields: Fields, source: string): StaffCardFile {
  const personalised = fields.personalised;
  if (typeof personalised !== "boolean") fail(source, "personalised", "must be true or false");
  const cardId = readOptionalString(fields, "cardId", source);
  if (cardId !== undefined) readHex(fields, "cardId", source, [16]);
  const privateKey = readOptionalString(fields, "privateKey", source);
  if (privateKey !== undefined) checkPrivateKey(fields, "privateKey", source, "p-256");
  if (personalised && cardId === undefined) fail(source, "cardId", "is required once personalised");
  if (personalised && privateKey === undefined) fail(source, "privateKey", "is required once personalised");
  const label = readOptionalString(fields, "label", source);
  return {
    kind: "staff-card",
    ...(label === undefined ? {} : { label }),
    ...(cardId === undefined ? {} : { cardId: cardId.toLowerCase() }),
    ...(privateKey === undefined ? {} : { privateKey }),
    personalised,
  };
}

function parseUid(fields: Fields, source: string): UidCardFile {
  const technology = fields.technology;
  if (technology !== "felica" && technology !== "mifare") {
    fail(source, "technology", 'must be "felica" or "mifare"');
  }
  const uid = readString(fields, "uid", source);
  readHex(fields, "uid", source, UID_LENGTHS[technology]);
  const label = readOptionalString(fields, "label", source);
  return { kind: "uid", ...(label === undefined ? {} : { label }), uid: uid.toLowerCase(), technology };
}

/** Checks a parsed JSON value field by field; `source` (a path) prefixes every error message. */
export function parseCardFile(value: unknown, source = "card file"): CardFile {
  if (!isFields(value)) throw new CardFileError("", `${source}: must be a JSON object`);
  const kind = value.kind;
  if (kind !== "jpki" && kind !== "staff-card" && kind !== "uid") {
    fail(source, "kind", 'must be "jpki", "staff-card" or "uid"');
  }
  checkFieldNames(value, kind, source);
  if (kind === "jpki") return parseJpki(value, source);
  if (kind === "staff-card") return parseStaffCard(value, source);
  return parseUid(value, source);
}

export async function loadCard(path: string): Promise<CardFile> {
  const text = await readFile(path, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CardFileError("", `${path}: not JSON (${reason})`);
  }
  return parseCardFile(value, path);
}

let saves = 0;

/** Writes the card whole and then renames it into place, so a crash never leaves half a card. */
export async function saveCard(path: string, card: CardFile): Promise<void> {
  saves += 1;
  const temporary = `${path}.${process.pid}.${saves}.tmp`;
  await writeFile(temporary, `${JSON.stringify(card, null, 2)}\n`, "utf8");
  await rename(temporary, path);
}
