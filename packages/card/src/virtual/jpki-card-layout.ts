import { fromHex } from "../apdu/bytes";

/*
 * The card side of the My Number Card's JPKI application, written from the public facts about the
 * card rather than from the reader-side client, so a mistake in one does not hide in the other.
 */

/** The contact ATR OpenSC's jpki driver matches exactly. */
export const JPKI_CARD_ATR = fromHex("3B E0 00 FF 81 31 FE 45 14");

/** 公的個人認証AP. */
export const JPKI_CARD_AID = fromHex("D3 92 F0 00 26 01 00 00 00 01");

/**
 * Applications a Tobira reader has no business selecting: the 券面事項入力補助AP holds the 個人番号
 * (番号法 forbids collecting it), and the 券面事項確認AP holds the card face. The virtual card refuses
 * both like unknown AIDs and records the attempt.
 */
export const FORBIDDEN_APPLICATIONS = [
  { application: "券面事項入力補助AP", aid: fromHex("D3 92 10 00 31 00 01 01 04 08") },
  { application: "券面事項確認AP", aid: fromHex("D3 92 10 00 31 00 01 01 04 02") },
] as const;

export const JPKI_FID = {
  tokenInfo: 0x0006,
  userAuthCertificate: 0x000a,
  userAuthCaCertificate: 0x000b,
  userAuthKey: 0x0017,
  userAuthPin: 0x0018,
  signaturePassword: 0x001b,
} as const;

/** 32 bytes, space padded: what a My Number Card's token-info file holds. */
export const JPKI_TOKEN_INFO = new TextEncoder().encode("JPKIAPICCTOKEN2".padEnd(32, " "));

/** The signature password allows 5 tries; this card never verifies it, so its counter stays full. */
export const SIGNATURE_PASSWORD_TRIES = 5;
