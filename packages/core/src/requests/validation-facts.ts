import type { MonthOvertime } from "../attendance/check-overtime-caps";
import type { LeaveDuration, LeaveUnitMinutes } from "../attendance/leave/leave-duration";
import type { LeaveEmploymentType, LeaveType } from "../attendance/leave/leave-types";
import type { LocalMonth } from "../attendance/month-key";
import type { WorkRules } from "../attendance/work-rules";
import type { LocalDate } from "../calendar/index";
import type { PersonCalendar } from "./person-calendar";
import type { Request } from "./request-types";

/** Everything validation at entry needs to know, loaded by the caller for the applicant. */
export interface RequestValidationFacts {
  /** The work rules in force on the request's date. */
  rules: WorkRules;
  /** The applicant's days: 週休日, 休日 and scheduled hours (see createPersonCalendar). */
  calendar: PersonCalendar;
  /** Today in Japan: results and corrections are for days that have begun. */
  today: LocalDate;
  closedMonths: readonly LocalMonth[];
  /** The applicant's requests in any state (the one being checked may be among them: matched by id). */
  existingRequests: readonly Request[];
  /**
   * The applicant's overtime per month of the fiscal year, April to the request's month, worked or
   * ordered so far without the request itself (for projectOvertimeCaps).
   */
  overtimeByMonth: readonly MonthOvertime[];
  /** The leave-type table in force on the request's date. */
  leaveTypes: readonly LeaveType[];
  employmentType: LeaveEmploymentType;
  /** How long the applicant's day and half day of leave are. */
  leaveUnits: LeaveUnitMinutes;
  /** 年次有給休暇 left after approved uses; pending requests are held against it here. null = none granted. */
  annualLeaveBalance: { remainingMinutes: number; remainingDaysAndHours: LeaveDuration } | null;
  /**
   * 時間外勤務代休時間 each month's hours beyond 60 convert into (25/100 weekday, 15/100 週休日), before any
   * use; months with none may be left out.
   */
  compensatoryTimeByMonth: readonly { month: LocalMonth; minutes: number }[];
}
