import {
  isActiveRequest,
  type LocalDate,
  type MonthOvertime,
  type MonthTotals,
  type Request,
} from "@tobira/core";
import { computeStaffMonths } from "../attendance/compute-staff-months";
import { findMonthRange } from "../attendance/month-dates";
import { listEarlierFiscalMonths } from "../attendance/overtime-cap-status";
import { listSectionDesignations } from "../attendance-rules/section-designation-repository";
import type { Executor } from "../db/transaction";

/**
 * A person's 時間外勤務 per month of the fiscal year, April to `month`: each day counts what was worked
 * under orders or, where more was ordered than worked yet, what was ordered (an order waiting for
 * approval included), so the caps see an order before it is worked. `exceptId` is left out (the request
 * being checked).
 */
export async function loadOvertimeByMonth(
  db: Executor,
  subject: { staffId: number; departmentId: number },
  month: string,
  requests: readonly Request[],
  exceptId?: string,
): Promise<MonthOvertime[]> {
  const ordered = sumOrderedMinutesByDate(requests, exceptId);
  const designations = await listSectionDesignations(db);
  const months: MonthOvertime[] = [];
  for (const key of [...listEarlierFiscalMonths(month), month]) {
    let minutes = 0;
    const workedDates = new Set<LocalDate>();
    await computeStaffMonths({ db }, [subject.staffId], key, (computed) => {
      for (const day of computed.days) {
        workedDates.add(day.date);
        minutes += Math.max(day.overtimeMinutes, ordered.get(day.date) ?? 0);
      }
    });
    // Days outside the computed month (none for someone employed all month) still count their orders.
    for (const [date, orderedMinutes] of ordered) {
      if (date.startsWith(`${key}-`) && !workedDates.has(date)) minutes += orderedMinutes;
    }
    const { last } = findMonthRange(key);
    const externallyDriven = designations.some(
      (d) =>
        d.departmentId === subject.departmentId &&
        d.externallyDriven &&
        d.from <= last &&
        (d.to === null || d.to >= last),
    );
    months.push({ month: key, overtimeMinutes: minutes, externallyDriven });
  }
  return months;
}

/** Ordered minutes per day from the active orders; a result reported on an order replaces its range. */
function sumOrderedMinutesByDate(
  requests: readonly Request[],
  exceptId: string | undefined,
): Map<LocalDate, number> {
  const active = requests.filter((request) => request.id !== exceptId && isActiveRequest(request));
  const results = new Map<string, number>();
  for (const request of active) {
    if (request.kind === "overtimeResult") {
      results.set(request.payload.orderId, request.payload.end - request.payload.start);
    }
  }
  const byDate = new Map<LocalDate, number>();
  for (const request of active) {
    if (request.kind !== "overtimeOrder") continue;
    const minutes = results.get(request.id) ?? request.payload.end - request.payload.start;
    byDate.set(request.payload.date, (byDate.get(request.payload.date) ?? 0) + minutes);
  }
  return byDate;
}

/**
 * 時間外勤務代休時間 a month's hours beyond 60 convert into: 25/100 of those worked on workdays and 休日,
 * 15/100 of those on 週休日 (Sunday's are not counted toward the 60 hours, so none convert).
 */
export function convertOver60ToCompensatoryMinutes(totals: Pick<MonthTotals, "minutes">): number {
  const { minutes } = totals;
  const workday =
    minutes.weekdayDay.over60 +
    minutes.weekdayNight.over60 +
    minutes.holidayDay.over60 +
    minutes.holidayNight.over60;
  const restDay = minutes.restDayDay.over60 + minutes.restDayNight.over60;
  return Math.floor((workday * 25) / 100 + (restDay * 15) / 100);
}
