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
export * from "./daily-record-types";
export type { LocalMonth } from "./month-key";
export { roundBucketMinutes } from "./round-bucket-minutes";
export { defaultDayBoundaryMinute, workDayStartOf } from "./work-day";
export * from "./work-rules";
export * from "./leave/index";
