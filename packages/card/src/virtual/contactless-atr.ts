import { concatBytes } from "../apdu/bytes";
import { STORAGE_CARD_CODES, type StorageCardTechnology } from "../uid/storage-card";

/** XOR of T0 through the last historical byte: the TCK that ends an ATR offering T=1. */
export function computeAtrChecksum(bytesAfterTs: Uint8Array): number {
  return bytesAfterTs.reduce((sum, byte) => sum ^ byte, 0);
}

/**
 * The ATR a PC/SC reader builds for a contactless card (PC/SC part 3): 3B 8n 80 01, the n historical
 * bytes (at most 15), then TCK.
 */
export function buildContactlessAtr(historicalBytes: Uint8Array): Uint8Array {
  if (historicalBytes.length > 15) throw new RangeError("an ATR carries at most 15 historical bytes");
  const body = concatBytes(Uint8Array.of(0x80 | historicalBytes.length, 0x80, 0x01), historicalBytes);
  return concatBytes(Uint8Array.of(0x3b), body, Uint8Array.of(computeAtrChecksum(body)));
}

/**
 * A storage card's ATR: historical bytes 80 4F 0C, the PC/SC RID A0 00 00 03 06, the standard (SS),
 * the card name (NN NN) and four RFU bytes.
 */
export function buildStorageCardAtr(technology: StorageCardTechnology): Uint8Array {
  const { standard, cardName } = STORAGE_CARD_CODES[technology];
  const rid = [0xa0, 0x00, 0x00, 0x03, 0x06];
  return buildContactlessAtr(
    Uint8Array.of(0x80, 0x4f, 0x0c, ...rid, standard, cardName >> 8, cardName & 0xff, 0, 0, 0, 0),
  );
}
