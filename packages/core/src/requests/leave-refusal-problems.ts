import type { SpecialLeaveRefusal } from "../attendance/leave/special-leave";
import { createProblem, type RequestProblem } from "./request-problem";

function formatMonthDay(value: { month: number; day: number }): string {
  return `${value.month}/${value.day}`;
}

/** One refusal of the leave type's rules, worded for the field to fix. */
export function describeLeaveRefusal(refusal: SpecialLeaveRefusal, minutesPerDay: number): RequestProblem {
  switch (refusal.reason) {
    case "not_eligible":
      return createProblem(
        "leaveType",
        "not_eligible",
        `This leave is not available to ${refusal.employmentType} staff.`,
        {
          employmentType: refusal.employmentType,
        },
      );
    case "evidence_missing":
      return createProblem(
        "evidence",
        "evidence_missing",
        "This leave needs evidence; hand it in and tick the box.",
      );
    case "unit_not_allowed":
      return createProblem("unit", "unit_not_allowed", `This leave cannot be taken by the ${refusal.unit}.`, {
        unit: refusal.unit,
      });
    case "outside_window": {
      const window = `${formatMonthDay(refusal.window.from)}–${formatMonthDay(refusal.window.to)}`;
      return createProblem("date", "outside_window", `This leave is taken only within ${window}.`, {
        window,
      });
    }
    case "event_missing":
      return createProblem(
        "eventId",
        "event_missing",
        "Name the event (marriage, death, birth) this leave is for.",
      );
    case "relation_not_covered":
      return createProblem(
        "relation",
        "relation_not_covered",
        "This leave does not cover that relation; choose the relation to the deceased.",
        {
          relation: refusal.relation ?? "",
        },
      );
    case "dependants_missing":
      return createProblem("dependants", "dependants_missing", "Give how many people you care for.");
    case "over_event_limit":
    case "over_year_limit": {
      const leftMinutes = Math.max(0, refusal.limitDays * minutesPerDay - refusal.takenMinutes);
      const per = refusal.reason === "over_event_limit" ? "for this event" : "a year";
      return createProblem(
        "to",
        refusal.reason,
        `At most ${refusal.limitDays} days ${per}; ${refusal.takenMinutes} minutes are taken and ${leftMinutes} remain, but ${refusal.requestedMinutes} are asked.`,
        {
          limitDays: refusal.limitDays,
          takenMinutes: refusal.takenMinutes,
          requestedMinutes: refusal.requestedMinutes,
          remainingMinutes: leftMinutes,
        },
      );
    }
    case "over_consecutive_limit":
      return createProblem(
        "to",
        "over_consecutive_limit",
        `This makes ${refusal.consecutiveDays} consecutive days; at most ${refusal.limitDays} are allowed.`,
        { consecutiveDays: refusal.consecutiveDays, limitDays: refusal.limitDays },
      );
  }
}
