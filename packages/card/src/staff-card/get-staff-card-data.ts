import { exchange } from "../apdu/exchange";
import { CardStatusError, SW_OK } from "../apdu/status-words";
import type { CardConnection } from "../transport/transport";
import { STAFF_CARD_INS, STAFF_CARD_TAG } from "./staff-card-constants";
import { StaffCardError } from "./staff-card-error";

const NOT_FOUND = 0x6a88;

/** GET DATA 00 CA <tag> 00 for one of the application's data objects, checked for its length. */
export async function getStaffCardData(
  connection: CardConnection,
  name: keyof typeof STAFF_CARD_TAG,
  length: number,
): Promise<Uint8Array> {
  const tag = STAFF_CARD_TAG[name];
  const response = await exchange(connection, {
    cla: 0x00,
    ins: STAFF_CARD_INS.getData,
    p1: tag >> 8,
    p2: tag & 0xff,
    le: 256,
  });
  if (response.sw === NOT_FOUND) {
    throw new StaffCardError("not_personalised", `the staff card holds no ${name} yet`);
  }
  if (response.sw !== SW_OK) throw new CardStatusError(`GET DATA ${name}`, response.sw);
  if (response.data.length !== length) {
    throw new StaffCardError(
      "malformed_response",
      `the staff card's ${name} is ${response.data.length} bytes, not ${length}`,
    );
  }
  return response.data;
}
