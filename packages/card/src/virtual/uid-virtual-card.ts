import type { ResponseApdu } from "../apdu/response";
import type { ApduResponder } from "../transport/in-process";
import type { StorageCardTechnology } from "../uid/storage-card";
import { buildStorageCardAtr } from "./contactless-atr";
import { isReaderGetData, respondToReaderGetData } from "./reader-get-uid";
import { answer, type DecodedCommand, respondSafely } from "./respond-safely";
import { SW } from "./virtual-status-words";

export interface UidVirtualCard extends ApduResponder {
  readonly kind: "uid";
  readonly technology: StorageCardTechnology;
  readonly uid: Uint8Array;
  respond(command: Uint8Array): Promise<Uint8Array>;
}

/** FeliCa IDm is 8 bytes; a MIFARE UID is 4 (single size) or 7 (double size). */
export const UID_LENGTHS: Record<StorageCardTechnology, readonly number[]> = {
  felica: [8],
  mifare: [4, 7],
};

/**
 * A FeliCa or MIFARE card on a PC/SC reader: the reader answers FF CA with the UID; the card runs no
 * ISO 7816-4 application, so every other class is refused (6E 00).
 */
export function createUidVirtualCard(options: {
  technology: StorageCardTechnology;
  uid: Uint8Array;
}): UidVirtualCard {
  const { technology } = options;
  if (!UID_LENGTHS[technology].includes(options.uid.length)) {
    throw new RangeError(`a ${technology} UID is ${UID_LENGTHS[technology].join(" or ")} bytes`);
  }
  const uid = options.uid.slice();

  function handle(command: DecodedCommand): ResponseApdu {
    if (isReaderGetData(command)) return respondToReaderGetData(command, uid);
    return answer(SW.claNotSupported);
  }

  return {
    kind: "uid",
    technology,
    atr: buildStorageCardAtr(technology),
    get uid() {
      return uid.slice();
    },
    respond: (command) => respondSafely(command, handle),
  };
}
