import {
  defaultAnnualLeaveRules,
  defaultLeaveTypes,
  type LeaveEmploymentType,
  type LocalMonth,
  listRequestMonths,
  type MonthOvertime,
  type Request,
  type RequestContent,
  type RequestValidationFacts,
  toLocalDate,
} from "@tobira/core";
import { employmentTypes } from "@tobira/protocol";
import { computeStaffMonths, findRulesInForce } from "../attendance/compute-staff-months";
import { readMonthCloseState } from "../attendance/month-close-state";
import { listRuleVersions } from "../attendance-rules/rule-version-repository";
import type { Executor } from "../db/transaction";
import { readAnnualLeaveBalance } from "./leave-balance";
import { loadPersonCalendar } from "./load-person-calendar";
import { convertOver60ToCompensatoryMinutes, loadOvertimeByMonth } from "./overtime-by-month";

/** The person a request is for, as the store knows them. */
export interface Applicant {
  staffId: number;
  /** Their section today; its section head decides, and its closes bind the request's months. */
  departmentId: number;
  employmentType: LeaveEmploymentType;
}

/** The months of a request's content that are closed for the applicant's section. */
export async function listClosedMonths(
  db: Executor,
  departmentId: number,
  content: RequestContent,
): Promise<LocalMonth[]> {
  const closed: LocalMonth[] = [];
  for (const month of listRequestMonths(content)) {
    if ((await readMonthCloseState(db, departmentId, month)).closed) closed.push(month);
  }
  return closed;
}

/**
 * Everything validation at entry needs for this applicant and content. Overtime is counted only for the
 * kinds whose caps or route need it, and 代休時間 only for the month it is taken from.
 */
export async function loadValidationFacts(
  db: Executor,
  now: Date,
  applicant: Applicant,
  content: RequestContent,
  existingRequests: readonly Request[],
  requestId?: string,
): Promise<RequestValidationFacts> {
  const date = content.payload.date;
  const month = date.slice(0, 7);
  const needsOvertime =
    content.kind === "overtimeOrder" || content.kind === "overtimeResult" || content.kind === "holidayWork";
  const [versions, calendar, closedMonths, balance] = await Promise.all([
    listRuleVersions(db),
    loadPersonCalendar(db, applicant.staffId, date),
    listClosedMonths(db, applicant.departmentId, content),
    readAnnualLeaveBalance(db, applicant.staffId, date),
  ]);
  const overtimeByMonth: MonthOvertime[] = needsOvertime
    ? await loadOvertimeByMonth(db, applicant, month, existingRequests, requestId)
    : [];
  const compensatoryTimeByMonth =
    content.kind === "compensatoryTime"
      ? await loadCompensatoryTime(db, applicant.staffId, content.payload.fromMonth)
      : [];
  return {
    rules: findRulesInForce(versions, date),
    calendar,
    today: toLocalDate(now),
    closedMonths,
    existingRequests,
    overtimeByMonth,
    leaveTypes: defaultLeaveTypes,
    employmentType: applicant.employmentType,
    leaveUnits: {
      minutesPerDay: defaultAnnualLeaveRules.minutesPerDay,
      minutesPerHalfDay: defaultAnnualLeaveRules.minutesPerHalfDay,
    },
    annualLeaveBalance: balance,
    compensatoryTimeByMonth,
  };
}

async function loadCompensatoryTime(
  db: Executor,
  staffId: number,
  month: LocalMonth,
): Promise<{ month: LocalMonth; minutes: number }[]> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return [];
  const found: { month: LocalMonth; minutes: number }[] = [];
  await computeStaffMonths({ db }, [staffId], month, (computed) => {
    found.push({ month, minutes: convertOver60ToCompensatoryMinutes(computed.totals) });
  });
  return found;
}

/** A stored employment type as core's leave rules name it (the spellings are the same). */
export function toLeaveEmploymentType(value: string): LeaveEmploymentType {
  return employmentTypes.find((type) => type === value) ?? "regular";
}
