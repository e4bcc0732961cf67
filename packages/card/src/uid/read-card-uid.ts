import { toHex } from "../apdu/bytes";
import { exchange } from "../apdu/exchange";
import { swHex } from "../apdu/response";
import { SW_OK } from "../apdu/status-words";
import type { CardConnection } from "../transport/transport";
import { CardUidError } from "./card-uid-error";

/** PC/SC part 3 GET DATA, answered by the reader itself: FF CA 00 00 00 → the UID. */
const GET_UID = { cla: 0xff, ins: 0xca, p1: 0x00, p2: 0x00, le: 256 } as const;

/** ISO 14443 A single/double/triple size, FeliCa IDm (8); a Type B PUPI is 4. */
const UID_LENGTHS = new Set([4, 7, 8, 10]);

const NOT_SUPPORTED = new Set([0x6a81, 0x6d00, 0x6e00]);

/**
 * The UID of the card on the reader, as lowercase hex. A UID is copyable data: it says which card
 * was shown, never who showed it, and a My Number Card's is random per session (check the card with
 * `identifyStorageCard` before trusting a UID as an identifier).
 */
export async function readCardUid(connection: CardConnection): Promise<string> {
  const response = await exchange(connection, GET_UID);
  if (response.sw !== SW_OK) {
    const reason = NOT_SUPPORTED.has(response.sw) ? "not_supported" : "failed";
    throw new CardUidError(
      reason,
      `the reader did not give the card's UID (${swHex(response.sw)})`,
      response.sw,
    );
  }
  if (!UID_LENGTHS.has(response.data.length)) {
    throw new CardUidError("malformed_uid", `a UID of ${response.data.length} bytes is not one a card has`);
  }
  return toHex(response.data, "").toLowerCase();
}
