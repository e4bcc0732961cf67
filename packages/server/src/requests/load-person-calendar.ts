import {
  addDays,
  compareLocalDates,
  createPersonCalendar,
  type LocalDate,
  type PersonCalendar,
  standardPattern,
  type WorkPattern,
} from "@tobira/core";
import { listPatternAssignments } from "../attendance-rules/pattern-assignment-repository";
import { listCoreWorkPatterns } from "../attendance-rules/work-pattern-repository";
import { listTownDays } from "../calendar/town-day-repository";
import type { Executor } from "../db/transaction";

// Swaps, 代休 and runs of leave reach weeks around a request's day; the town's days around it cover them.
const reachDays = 120;

/** The patterns a person works, by date: their assignment's, or the seeded standard pattern. */
export async function loadPatternFinder(
  db: Executor,
  staffId: number,
): Promise<(date: LocalDate) => WorkPattern> {
  const [assignments, patterns] = await Promise.all([
    listPatternAssignments(db, { staffId }),
    listCoreWorkPatterns(db),
  ]);
  const fallback = patterns.find((pattern) => pattern.name === standardPattern.name) ?? standardPattern;
  return (date) => {
    const assignment = assignments.find(
      (a) => compareLocalDates(a.from, date) <= 0 && (a.to === null || compareLocalDates(date, a.to) <= 0),
    );
    const assigned = assignment && patterns.find((pattern) => pattern.id === String(assignment.patternId));
    return assigned ?? fallback;
  };
}

/** A person's days around `date`, as the pattern they work that day and the town's calendar make them. */
export async function loadPersonCalendar(
  db: Executor,
  staffId: number,
  date: LocalDate,
): Promise<PersonCalendar> {
  const [patternOn, townDays] = await Promise.all([
    loadPatternFinder(db, staffId),
    listTownDays(db, addDays(date, -reachDays), addDays(date, reachDays)),
  ]);
  return createPersonCalendar(patternOn(date), townDays);
}
