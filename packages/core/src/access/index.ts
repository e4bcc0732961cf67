export { describeAssurance, isAssuranceLevel, meetsAssurance, selectWeakerAssurance } from "./assurance";
export * from "./credential-key";
export { decide } from "./decide";
export {
  type Decision,
  type DecisionContext,
  type DeniedDecision,
  type DenyReason,
  denyReasons,
  type GrantedDecision,
  type Presentation,
} from "./decision";
export {
  createDayCalendar,
  type DayCalendar,
  type LocalMoment,
  parseInstantMs,
  readLocalMoment,
  readLocalMomentIn,
} from "./local-moment";
export * from "./policy";
export { findDoorMode, findDoorModeAt, isScheduleOpenAt, isWithinSchedule } from "./schedule";
export {
  decodeDelta,
  decodeSnapshot,
  encodeDelta,
  encodeSnapshot,
  isNewer,
  type SignedEnvelope,
  signDelta,
  signSnapshot,
  type VerifiedDelta,
  type VerifiedSnapshot,
  type VerifyFailure,
  verifyDelta,
  verifySnapshot,
} from "./snapshot-codec";
export { type AppliedDelta, applyDelta, type DeltaFailureReason } from "./snapshot-delta";
export {
  type IndexedCredential,
  type IndexedGrant,
  type IndexedHolder,
  type IndexedRule,
  indexSnapshot,
  type SnapshotIndex,
} from "./snapshot-index";
export { isAccessSnapshot, isSnapshotDelta } from "./snapshot-shape";
