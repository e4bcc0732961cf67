import { findMonthOfDate, type LocalMonth } from "../attendance/month-key";
import { iterateLocalDates } from "../calendar/index";
import type { RequestContent } from "./request-types";

/**
 * The months whose facts a request changes once approved (or cancelled): the day of work or leave, the
 * 振替 or 代休 day, every day of a run of leave, and for 代休時間 the month whose over-60 pay it replaces.
 */
export function listRequestMonths(content: RequestContent): LocalMonth[] {
  const months = new Set<LocalMonth>([findMonthOfDate(content.payload.date)]);
  if (content.kind === "holidayWork" && content.payload.compensation.kind !== "payment") {
    months.add(findMonthOfDate(content.payload.compensation.date));
  }
  if (content.kind === "leave" && content.payload.to !== undefined) {
    for (const date of iterateLocalDates(content.payload.date, content.payload.to)) {
      months.add(findMonthOfDate(date));
    }
  }
  if (content.kind === "compensatoryTime") months.add(content.payload.fromMonth);
  return [...months].sort();
}

export function touchesClosedMonth(content: RequestContent, closedMonths: readonly LocalMonth[]): boolean {
  return listRequestMonths(content).some((month) => closedMonths.includes(month));
}
