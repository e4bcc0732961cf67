import { defaultLeaveTypes } from "../attendance/leave/default-leave-types";
import { splitLeaveMinutes, standardLeaveDayMinutes } from "../attendance/leave/leave-duration";
import { defaultWorkRules, standardPattern } from "../attendance/work-rules";
import type { DayKind, LocalDate } from "../calendar/index";
import { createPersonCalendar, type PersonCalendar } from "./person-calendar";
import type { Request, RequestContent, RequestState } from "./request-types";
import type { RequestValidationFacts } from "./validation-facts";

/** The standard Monday–Friday 8:30–17:15 calendar, with some days made workdays or rest days by hand. */
export function createTestCalendar(overrides: Record<LocalDate, DayKind> = {}): PersonCalendar {
  const standard = createPersonCalendar(standardPattern, []);
  const weekdaySchedule = standardPattern.days[1] ?? null;
  return {
    dayKindOn: (date) => overrides[date] ?? standard.dayKindOn(date),
    scheduleOn: (date) => {
      const kind = overrides[date];
      if (kind === undefined) return standard.scheduleOn(date);
      return kind === "workday" ? weekdaySchedule : null;
    },
  };
}

/** A regular staff member in an ordinary section on 2026-11-27, with 44 h of overtime in November. */
export function createTestFacts(overrides: Partial<RequestValidationFacts> = {}): RequestValidationFacts {
  const remainingMinutes = 10 * standardLeaveDayMinutes;
  return {
    rules: defaultWorkRules,
    calendar: createTestCalendar(),
    today: "2026-11-27",
    closedMonths: [],
    existingRequests: [],
    overtimeByMonth: [
      { month: "2026-10", overtimeMinutes: 600, externallyDriven: false },
      { month: "2026-11", overtimeMinutes: 44 * 60, externallyDriven: false },
      { month: "2026-12", overtimeMinutes: 0, externallyDriven: false },
    ],
    leaveTypes: defaultLeaveTypes,
    employmentType: "regular",
    leaveUnits: { minutesPerDay: standardLeaveDayMinutes, minutesPerHalfDay: null },
    annualLeaveBalance: {
      remainingMinutes,
      remainingDaysAndHours: splitLeaveMinutes(remainingMinutes, standardLeaveDayMinutes),
    },
    compensatoryTimeByMonth: [],
    ...overrides,
  };
}

/** An existing request of applicant "staff-1" in section "general". */
export function createTestRequest(id: string, content: RequestContent, state: RequestState): Request {
  return {
    id,
    applicantId: "staff-1",
    departmentId: "general",
    route: ["sectionHead"],
    state,
    history: [{ action: "submit", actorId: "staff-1", at: "2026-11-01T00:00:00Z" }],
    ...content,
  };
}
