import type { LocalDate } from "@tobira/core";
import { computeStaffMonths } from "../attendance/compute-staff-months";
import type { Deps } from "../deps";

/** What the morning digest tells one person about one date. */
export interface DayFindings {
  staffId: number;
  missingClockIn: boolean;
  missingClockOut: boolean;
  /** Minutes of presence beyond declared work with no reason given; 0 when there is none to explain. */
  divergenceMinutes: number;
}

/**
 * The missing punches and unexplained divergences of these people on one date, computed by the same
 * attendance rules as their month; people with nothing to report are left out.
 */
export async function findDayProblems(
  deps: Pick<Deps, "db">,
  staffIds: readonly number[],
  date: LocalDate,
): Promise<DayFindings[]> {
  const found: DayFindings[] = [];
  await computeStaffMonths(deps, staffIds, date.slice(0, 7), (month) => {
    const day = month.days.find((record) => record.date === date);
    if (!day) return;
    const findings: DayFindings = {
      staffId: month.staffId,
      missingClockIn: false,
      missingClockOut: false,
      divergenceMinutes: 0,
    };
    for (const problem of day.problems) {
      if (problem.kind === "missing_clock_in") findings.missingClockIn = true;
      if (problem.kind === "missing_clock_out") findings.missingClockOut = true;
      if (problem.kind === "divergence") findings.divergenceMinutes += problem.minutes;
    }
    if (findings.missingClockIn || findings.missingClockOut || findings.divergenceMinutes > 0)
      found.push(findings);
  });
  return found;
}
