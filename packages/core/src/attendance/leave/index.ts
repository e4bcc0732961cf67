export {
  type AnnualLeaveBalance,
  type AnnualLeaveGrant,
  type AnnualLeaveInput,
  type AnnualLeaveRules,
  type AnnualLeaveUse,
  computeAnnualLeaveBalance,
  defaultAnnualLeaveRules,
} from "./annual-leave-balance";
export {
  type AppointeeGrant,
  type AppointeeGrantRules,
  type AppointmentTerm,
  calculateAppointeeGrant,
  carryOverOnUnbrokenReappointment,
  defaultAppointeeGrantRules,
  findServiceStart,
} from "./appointee-grant";
export {
  type CarryOverContext,
  type CarryOverRule,
  carryOverStatutoryOnly,
  carryOverUpTo,
} from "./carry-over";
export { type Consumption, type ConsumptionOrder, consumeLeave, type LeavePots } from "./consume-leave";
export { defaultLeaveTypes } from "./default-leave-types";
export {
  convertDaysToMinutes,
  convertLeaveAmountToMinutes,
  type LeaveAmount,
  type LeaveAmountMinutes,
  type LeaveDuration,
  type LeaveUnitMinutes,
  splitLeaveMinutes,
  standardLeaveDayMinutes,
} from "./leave-duration";
export {
  findLeaveType,
  findLeaveTypesOn,
  type LeaveEmploymentType,
  type LeaveLimit,
  type LeaveType,
  type LeaveTypeVersion,
  type LeaveUnit,
  type LeaveWindow,
  type MonthDay,
  type Relation,
} from "./leave-types";
export { countWholeMonths, findLeaveYearOf, findLeaveYearStart } from "./leave-year";
export { calculateProRataGrantDays, type GrantRounding, type ProRataGrantInput } from "./pro-rata-grant";
export { checkSickLeave, countConsecutiveLeaveDays, type LeaveSpan, type SickLeaveCheck } from "./sick-leave";
export {
  checkSpecialLeave,
  type SpecialLeaveCheck,
  type SpecialLeaveRefusal,
  type SpecialLeaveRequest,
  type SpecialLeaveTaken,
} from "./special-leave";
export {
  countStatutoryServiceStep,
  createStatutoryDaysOf,
  findStatutoryLeaveDays,
  type StatutoryLeaveTable,
  statutoryLeaveTable,
  type WeeklySchedule,
} from "./statutory-leave-days";
export { type LeaveUseRequest, type LeaveUseValidation, validateLeaveUse } from "./validate-leave-use";
