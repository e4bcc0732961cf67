import { exchange } from "../apdu/exchange";
import { SW_OK } from "../apdu/status-words";
import { JPKI_AID } from "../jpki/jpki-constants";
import { identifyStorageCard, readCardUid } from "../uid/index";
import type { CardProfile } from "./card-identity";

/**
 * FeliCa and MIFARE cards by UID: copyable, so the lowest assurance. A My Number Card is never
 * identified this way (its identifier is random per session and proves nothing), so this profile
 * checks for the JPKI application itself rather than trusting the order profiles are tried in.
 */
export const uidProfile: CardProfile = {
  kind: "uid",
  async identify(connection) {
    if (identifyStorageCard(connection.atr) === null) return null;
    const jpki = await exchange(connection, { cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: JPKI_AID });
    if (jpki.sw === SW_OK) return null;
    return { kind: "uid", uid: await readCardUid(connection) };
  },
};
