import type { DailyRecord, LocalDate, MonthTotals } from "@tobira/core";
import type { AttendanceEntryDto } from "@tobira/protocol";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { computeStaffMonths } from "./compute-staff-months";

export interface StaffMonth {
  staffId: number;
  month: string;
  days: DailyRecord[];
  /** 出勤 and 退勤 per day as minutes of the work day, beside `days`. */
  punches: Map<LocalDate, { clockIn: number | null; clockOut: number | null }>;
  /** The entries (corrections, orders, leave …) the days were computed with. */
  entries: AttendanceEntryDto[];
  totals: MonthTotals;
}

/** One person's month from the store (see `computeStaffMonths`). */
export async function computeStaffMonth(
  deps: Pick<Deps, "db">,
  staffId: number,
  month: string,
): Promise<StaffMonth> {
  let found: StaffMonth | undefined;
  await computeStaffMonths(deps, [staffId], month, (computed) => {
    found = computed;
  });
  if (!found) throw notFound(`Staff member ${staffId}`);
  return found;
}
