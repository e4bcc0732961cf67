export {
  identifyJpkiCard,
  type PinStatus,
  readJpkiTokenInfo,
  readPinStatus,
  readTapSummary,
  readUserAuthCaCertificate,
  readUserAuthCertificate,
  selectJpkiApplication,
  signWithUserAuthKey,
  verifyPinGuarded,
} from "./jpki-client";
export {
  FORBIDDEN_CARD_INFO_INPUT_AID,
  JPKI_AID,
  JPKI_FILES,
  PIN_GUARD_MINIMUM_TRIES,
} from "./jpki-constants";
export { type PinRefusalReason, PinRefusedError } from "./jpki-errors";
