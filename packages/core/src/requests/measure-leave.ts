import type { LeaveAmount } from "../attendance/leave/leave-duration";
import { subtractRanges, sumRangeMinutes } from "../attendance/minute-ranges";
import { compareLocalDates, iterateLocalDates, type LocalDate } from "../calendar/index";
import { createProblem, formatMinuteOfDay, type RequestProblem } from "./request-problem";
import type { LeavePayload } from "./request-types";
import type { RequestValidationFacts } from "./validation-facts";

export interface MeasuredLeave {
  from: LocalDate;
  to: LocalDate;
  amount: LeaveAmount;
  /** What the leave takes from a balance, in minutes. */
  minutes: number;
}

export type LeaveMeasurement = { ok: true; leave: MeasuredLeave } | { ok: false; problems: RequestProblem[] };

type MeasureFacts = Pick<RequestValidationFacts, "calendar" | "leaveUnits">;

function measureDays(payload: LeavePayload, facts: MeasureFacts): LeaveMeasurement {
  const to = payload.to ?? payload.date;
  if (compareLocalDates(to, payload.date) < 0) {
    return {
      ok: false,
      problems: [
        createProblem(
          "to",
          "end_before_start",
          `The last day (${to}) comes before the first (${payload.date}).`,
        ),
      ],
    };
  }
  // Leave counts only the days the person is scheduled to work; 週休日 and 休日 inside a run are free.
  let days = 0;
  for (const date of iterateLocalDates(payload.date, to))
    if (facts.calendar.scheduleOn(date) !== null) days += 1;
  if (days === 0) {
    const span = to === payload.date ? payload.date : `${payload.date}–${to}`;
    return {
      ok: false,
      problems: [
        createProblem("date", "not_a_work_day", `${span} holds no scheduled workday; no leave is needed.`),
      ],
    };
  }
  const minutes = days * facts.leaveUnits.minutesPerDay;
  return { ok: true, leave: { from: payload.date, to, amount: { unit: "day", count: days }, minutes } };
}

function measurePart(payload: LeavePayload, facts: MeasureFacts): LeaveMeasurement {
  const { start, end } = payload;
  if (start === undefined || end === undefined) {
    return {
      ok: false,
      problems: [
        createProblem("start", "times_required", "Give the start and end of the leave within your day."),
      ],
    };
  }
  const scheduled = facts.calendar.scheduleOn(payload.date);
  if (scheduled === null) {
    return {
      ok: false,
      problems: [
        createProblem("date", "not_a_work_day", `${payload.date} is not a scheduled workday for you.`),
      ],
    };
  }
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < scheduled.start ||
    end > scheduled.end ||
    end <= start
  ) {
    const day = `${formatMinuteOfDay(scheduled.start)}–${formatMinuteOfDay(scheduled.end)}`;
    return {
      ok: false,
      problems: [
        createProblem(
          "start",
          "outside_schedule",
          `The leave must lie inside your scheduled day ${day}, start before end.`,
          {
            scheduledStart: scheduled.start,
            scheduledEnd: scheduled.end,
          },
        ),
      ],
    };
  }
  const working = sumRangeMinutes(subtractRanges([{ start, end }], scheduled.breaks));
  if (payload.unit === "halfDay") {
    const halfDay = facts.leaveUnits.minutesPerHalfDay;
    if (halfDay === null) {
      return {
        ok: false,
        problems: [
          createProblem("unit", "unit_not_allowed", "Half-day leave is not available; take hours or a day."),
        ],
      };
    }
    return {
      ok: true,
      leave: {
        from: payload.date,
        to: payload.date,
        amount: { unit: "halfDay", count: 1 },
        minutes: halfDay,
      },
    };
  }
  if (working === 0 || working % 60 !== 0) {
    return {
      ok: false,
      problems: [
        createProblem(
          "end",
          "hour_unit",
          `${formatMinuteOfDay(start)}–${formatMinuteOfDay(end)} holds ${working} working minutes; hourly leave is taken in whole hours.`,
          { minutes: working },
        ),
      ],
    };
  }
  return {
    ok: true,
    leave: {
      from: payload.date,
      to: payload.date,
      amount: { unit: "hour", count: working / 60 },
      minutes: working,
    },
  };
}

/** The days or hours a leave request takes for this person, or what is wrong with its shape. */
export function measureLeave(payload: LeavePayload, facts: MeasureFacts): LeaveMeasurement {
  return payload.unit === "day" ? measureDays(payload, facts) : measurePart(payload, facts);
}
