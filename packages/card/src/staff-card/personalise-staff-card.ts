import { equalBytes } from "../apdu/bytes";
import { exchangeOk } from "../apdu/exchange";
import type { CardConnection } from "../transport/transport";
import { authenticateStaffCard, createStaffCardChallenge } from "./authenticate-staff-card";
import { getStaffCardData } from "./get-staff-card-data";
import { convertP256PointToSpki } from "./p256-point";
import { readStaffCardIdentity, type StaffCardIdentity } from "./read-staff-card-identity";
import { selectStaffCard } from "./select-staff-card";
import {
  GENERATE_KEY_PAIR_P1,
  STAFF_CARD_INS,
  STAFF_CARD_LIFE_CYCLE,
  STAFF_CARD_PUBLIC_KEY_LENGTH,
  STAFF_CARD_TAG,
} from "./staff-card-constants";
import { StaffCardError } from "./staff-card-error";
import { decodeStaffCardId } from "./staff-card-id";

/**
 * The enrolment desk's step: the card generates its key pair (the private key never leaves it), takes
 * the card ID, and is activated, after which it refuses personalisation for good. The result is read
 * back and proven with one authentication before it is returned for enrolment.
 */
export async function personaliseStaffCard(
  connection: CardConnection,
  request: { cardId: string },
): Promise<StaffCardIdentity> {
  const cardId = decodeStaffCardId(request.cardId);
  if (!(await selectStaffCard(connection))) {
    throw new StaffCardError("not_present", "this card has no staff-card application");
  }
  const [lifeCycle] = await getStaffCardData(connection, "lifeCycle", 1);
  if (lifeCycle === STAFF_CARD_LIFE_CYCLE.operational) {
    throw new StaffCardError("already_personalised", "this staff card is already personalised");
  }
  const point = await exchangeOk(
    connection,
    { cla: 0x00, ins: STAFF_CARD_INS.generateKeyPair, p1: GENERATE_KEY_PAIR_P1, p2: 0x00, le: 256 },
    "GENERATE KEY PAIR",
  );
  if (point.length !== STAFF_CARD_PUBLIC_KEY_LENGTH) {
    throw new StaffCardError("malformed_response", `the generated public key is ${point.length} bytes`);
  }
  const tag = STAFF_CARD_TAG.cardId;
  await exchangeOk(
    connection,
    { cla: 0x00, ins: STAFF_CARD_INS.putData, p1: tag >> 8, p2: tag & 0xff, data: cardId },
    "PUT DATA card ID",
  );
  await exchangeOk(connection, { cla: 0x00, ins: STAFF_CARD_INS.activate, p1: 0x00, p2: 0x00 }, "ACTIVATE");

  const identity = await readStaffCardIdentity(connection);
  const generatedKey = convertP256PointToSpki(point);
  if (identity.cardId !== request.cardId.toLowerCase() || !equalBytes(identity.publicKey, generatedKey)) {
    throw new StaffCardError("personalisation_mismatch", "the card does not hold what was written to it");
  }
  const proven = await authenticateStaffCard(connection, {
    cardId: identity.cardId,
    challenge: createStaffCardChallenge(),
    expectedPublicKey: identity.publicKey,
  });
  if (!proven) throw new StaffCardError("personalisation_mismatch", "the card's signature does not verify");
  return identity;
}
