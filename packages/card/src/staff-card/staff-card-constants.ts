import { fromHex } from "../apdu/bytes";

/*
 * Tobira's staff-card application for the My Number Card's free space (空き領域). Its format is our own
 * (the format of free-space APs is not public); docs/staff-card-ap.md is the specification.
 */

/** F0 (ISO 7816-5 proprietary, no registered RID), "TOBIRA" in ASCII, version 01. */
export const STAFF_CARD_AID = fromHex("F0 54 4F 42 49 52 41 01");

export const STAFF_CARD_INS = {
  select: 0xa4,
  getData: 0xca,
  internalAuthenticate: 0x88,
  generateKeyPair: 0x47,
  putData: 0xda,
  activate: 0x44,
} as const;

/** GET DATA / PUT DATA tags (P1 P2), in the ISO 7816-4 proprietary range 0100–01FF. */
export const STAFF_CARD_TAG = {
  cardId: 0x0101,
  publicKey: 0x0102,
  lifeCycle: 0x0103,
} as const;

/** ISO 7816-4 life-cycle status bytes: personalisation open, then operational (activated). */
export const STAFF_CARD_LIFE_CYCLE = {
  initialisation: 0x03,
  operational: 0x07,
} as const;

/** GENERATE KEY PAIR P1: generate a new key (ISO 7816-8). */
export const GENERATE_KEY_PAIR_P1 = 0x80;

export const STAFF_CARD_ID_LENGTH = 16;
/** Uncompressed P-256 point: 04 || X || Y. */
export const STAFF_CARD_PUBLIC_KEY_LENGTH = 65;
/** ECDSA P-256 signature as r || s, 32 bytes each. */
export const STAFF_CARD_SIGNATURE_LENGTH = 64;
export const STAFF_CARD_CHALLENGE_LENGTH = { min: 16, max: 64 } as const;

/** Prefix of every signed message, so a staff-card signature can never pass for any other protocol's. */
export const STAFF_CARD_AUTH_DOMAIN = new TextEncoder().encode("TOBIRA-STAFFCARD-AUTH-v1");
