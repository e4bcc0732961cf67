export {
  aggregateMonth,
  type BucketTierAmounts,
  type MonthTotals,
  type TierAmounts,
  thresholdBucketOrder,
} from "./aggregate-month";
export { calculateDailyRecord } from "./calculate-daily-record";
export {
  type CapFinding,
  type CapSection,
  checkOvertimeCaps,
  type MonthOvertime,
  type OvertimeCapInput,
  projectOvertimeCaps,
} from "./check-overtime-caps";
export {
  type ChosenPunch,
  choosePunch,
  defaultPunchRule,
  type PunchRecord,
  type PunchRuleOptions,
} from "./choose-punch";
export {
  type CollectDayPunchesOptions,
  collectDayPunches,
  collectGroupedDayPunches,
  type DayPunches,
} from "./collect-day-punches";
export * from "./daily-record-types";
export * from "./leave/index";
export type { LocalMonth } from "./month-key";
export type { PunchCorrection, PunchOrigin } from "./punch-correction";
export type { RawTap } from "./punch-taps";
export { groupTapsByWorkDay, groupTimedTapsByWorkDay, type WorkDayTaps } from "./punch-work-days";
export { roundBucketMinutes } from "./round-bucket-minutes";
export { defaultDayBoundaryMinute, workDayStartOf } from "./work-day";
export * from "./work-rules";
