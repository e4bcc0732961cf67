import { exchange } from "../apdu/exchange";
import { CardStatusError, SW_OK } from "../apdu/status-words";
import type { CardConnection } from "../transport/transport";
import { STAFF_CARD_AID, STAFF_CARD_INS } from "./staff-card-constants";

/** Answers meaning "no staff-card application here": not found, or a card that runs no applications. */
const ABSENT = new Set([0x6a82, 0x6a81, 0x6d00, 0x6e00]);

/** Selects the staff-card application; false when the card does not carry it. */
export async function selectStaffCard(connection: CardConnection): Promise<boolean> {
  const response = await exchange(connection, {
    cla: 0x00,
    ins: STAFF_CARD_INS.select,
    p1: 0x04,
    p2: 0x0c,
    data: STAFF_CARD_AID,
  });
  if (response.sw === SW_OK) return true;
  if (ABSENT.has(response.sw)) return false;
  throw new CardStatusError("SELECT staff card", response.sw);
}
