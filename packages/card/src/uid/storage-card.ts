import { fromHex } from "../apdu/bytes";

/** Ordinary IC cards Tobira accepts at the lowest assurance level, by their UID alone. */
export type StorageCardTechnology = "felica" | "mifare";

/**
 * PC/SC part 3 values in a storage card's ATR: the standard byte (SS) and the card name (NN NN).
 * The names are those a reader reports for FeliCa and for MIFARE Classic 1K.
 */
export const STORAGE_CARD_CODES = {
  felica: { standard: 0x11, cardName: 0x003b },
  mifare: { standard: 0x03, cardName: 0x0001 },
} as const satisfies Record<StorageCardTechnology, { standard: number; cardName: number }>;

/** 3B 8F 80 01, then the historical bytes' start: 80 4F 0C and the PC/SC RID A0 00 00 03 06. */
const STORAGE_ATR_PREFIX = fromHex("3B 8F 80 01 80 4F 0C A0 00 00 03 06");
const STORAGE_ATR_LENGTH = 20;

/**
 * The technology of a storage card from the ATR its PC/SC reader built, or null for anything else
 * (a smart card such as the My Number Card, whose UID must never identify anyone).
 */
export function identifyStorageCard(atr: Uint8Array): StorageCardTechnology | null {
  if (atr.length !== STORAGE_ATR_LENGTH) return null;
  if (!STORAGE_ATR_PREFIX.every((byte, i) => atr[i] === byte)) return null;
  const standard = atr[12];
  if (standard === STORAGE_CARD_CODES.felica.standard) return "felica";
  // Every ISO 14443 A part 3 card (Classic 1K/4K, Ultralight, Mini) is a MIFARE-family UID card.
  if (standard === STORAGE_CARD_CODES.mifare.standard) return "mifare";
  return null;
}
