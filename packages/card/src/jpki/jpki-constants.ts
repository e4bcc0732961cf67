import { fromHex } from "../apdu/bytes";

/** 公的個人認証AP (JPKI) on the My Number Card. */
export const JPKI_AID = fromHex("D3 92 F0 00 26 01 00 00 00 01");

/**
 * 券面事項入力補助AP holds the 個人番号. It is listed only so code and tests can prove it is never
 * selected: nothing in Tobira may send this AID.
 */
export const FORBIDDEN_CARD_INFO_INPUT_AID = fromHex("D3 92 10 00 31 00 01 01 04 08");

export const JPKI_FILES = {
  tokenInfo: fromHex("00 06"),
  userAuthCertificate: fromHex("00 0A"),
  userAuthCaCertificate: fromHex("00 0B"),
  userAuthPrivateKey: fromHex("00 17"),
  userAuthPin: fromHex("00 18"),
} as const;

/**
 * Real user-auth certificates are about 1.6 KB; anything claiming more than this is not one. It also
 * keeps READ BINARY offsets inside the 15 bits P1–P2 can carry.
 */
export const JPKI_MAX_CERTIFICATE_BYTES = 16_384;

/** The card accepts at most 256 bytes per READ BINARY (Le 00). */
export const JPKI_READ_BLOCK = 256;

/** A try is never spent when this many or fewer remain: a blocked card also stops the holder's 保険証 and e-Tax use. */
export const PIN_GUARD_MINIMUM_TRIES = 1;
