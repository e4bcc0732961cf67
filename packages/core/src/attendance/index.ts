export {
  type ChosenPunch,
  choosePunch,
  defaultPunchRule,
  type PunchRecord,
  type PunchRuleOptions,
} from "./choose-punch";
export { defaultDayBoundaryMinute, workDayStartOf } from "./work-day";
export * from "./daily-record-types";
export * from "./work-rules";
