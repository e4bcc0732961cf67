export { authenticateStaffCard, createStaffCardChallenge } from "./authenticate-staff-card";
export { convertP256PointToSpki, decodeP256Point, encodeP256Point } from "./p256-point";
export { personaliseStaffCard } from "./personalise-staff-card";
export { readStaffCardId, readStaffCardIdentity, type StaffCardIdentity } from "./read-staff-card-identity";
export { selectStaffCard } from "./select-staff-card";
export {
  STAFF_CARD_AID,
  STAFF_CARD_AUTH_DOMAIN,
  STAFF_CARD_CHALLENGE_LENGTH,
  STAFF_CARD_ID_LENGTH,
  STAFF_CARD_INS,
  STAFF_CARD_LIFE_CYCLE,
  STAFF_CARD_TAG,
} from "./staff-card-constants";
export { StaffCardError, type StaffCardFailure } from "./staff-card-error";
export { createStaffCardId, decodeStaffCardId } from "./staff-card-id";
export { buildStaffCardAuthMessage } from "./staff-card-message";
