import { type CapFinding, projectOvertimeCaps } from "../attendance/check-overtime-caps";
import { findFiscalYearOfMonthIndex, findMonthOfDate, toMonthIndex } from "../attendance/month-key";
import type { WorkRules } from "../attendance/work-rules";
import type { LocalDate } from "../calendar/index";
import { createProblem, formatMinutes, type RequestProblem } from "./request-problem";
import type { RequestValidationFacts } from "./validation-facts";

function describeFinding(finding: CapFinding): RequestProblem | null {
  const field = "end";
  switch (finding.kind) {
    case "month_cap": {
      const excess = finding.minutes - finding.limitMinutes;
      const limit = formatMinutes(finding.limitMinutes);
      const message =
        finding.section === "ordinary"
          ? `This order takes ${finding.month} to ${formatMinutes(finding.minutes)}, ${formatMinutes(excess)} over the ${limit} month cap.`
          : `This order takes ${finding.month} to ${formatMinutes(finding.minutes)}; a 他律的 section must stay under ${limit}.`;
      return createProblem(field, "cap_exceeded", message, {
        cap: "month",
        section: finding.section,
        minutes: finding.minutes,
        limitMinutes: finding.limitMinutes,
        excessMinutes: excess,
      });
    }
    case "year_cap": {
      const excess = finding.minutes - finding.limitMinutes;
      return createProblem(
        field,
        "cap_exceeded",
        `This order takes fiscal year ${finding.fiscalYear} to ${formatMinutes(finding.minutes)}, ${formatMinutes(excess)} over the ${formatMinutes(finding.limitMinutes)} year cap.`,
        {
          cap: "year",
          section: finding.section,
          minutes: finding.minutes,
          limitMinutes: finding.limitMinutes,
          excessMinutes: excess,
        },
      );
    }
    case "average_cap": {
      const limitTotal = finding.averageLimitMinutes * finding.windowMonths;
      const excess = finding.totalMinutes - limitTotal;
      return createProblem(
        field,
        "cap_exceeded",
        `This order takes the ${finding.windowMonths} months ${finding.from}–${finding.to} to ${formatMinutes(finding.totalMinutes)}, ${formatMinutes(excess)} over an average of ${formatMinutes(finding.averageLimitMinutes)} a month.`,
        {
          cap: "average",
          from: finding.from,
          to: finding.to,
          windowMonths: finding.windowMonths,
          minutes: finding.totalMinutes,
          limitMinutes: limitTotal,
          excessMinutes: excess,
        },
      );
    }
    case "months_over_45": {
      const excess = finding.months.length - finding.limit;
      return createProblem(
        field,
        "cap_exceeded",
        `This order makes ${finding.months.length} months of fiscal year ${finding.fiscalYear} over 45 h; at most ${finding.limit} are allowed.`,
        { cap: "monthsOver45", months: finding.months.length, limit: finding.limit, excessMonths: excess },
      );
    }
    case "health_notify":
    case "health_interview":
      // Health notices follow the hours worked; they do not stop an order.
      return null;
  }
}

/**
 * The caps an order of `minutes` on `date` would break, counted on top of the month's overtime so far.
 * Throws RangeError when the facts lack the order's month (its 他律的 designation decides the caps).
 */
export function checkOvertimeCapsForOrder(
  date: LocalDate,
  minutes: number,
  facts: Pick<RequestValidationFacts, "overtimeByMonth">,
  rules: WorkRules,
): RequestProblem[] {
  const month = findMonthOfDate(date);
  const monthIndex = toMonthIndex(month);
  const fiscalYear = findFiscalYearOfMonthIndex(monthIndex);
  const months = facts.overtimeByMonth.filter((entry) => {
    const index = toMonthIndex(entry.month);
    return index <= monthIndex && findFiscalYearOfMonthIndex(index) === fiscalYear;
  });
  if (!months.some((entry) => entry.month === month)) {
    throw new RangeError(`The overtime facts lack ${month}, the month of the order`);
  }
  return projectOvertimeCaps({ months }, minutes, rules).flatMap((finding) => {
    const problem = describeFinding(finding);
    return problem === null ? [] : [problem];
  });
}
