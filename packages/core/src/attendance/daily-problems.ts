import type { DayFacts, DayProblem } from "./daily-record-types";
import { subtractRanges, sumRangeMinutes } from "./minute-ranges";
import type { MinuteRange } from "./work-rules";

/**
 * A missing 出勤 or 退勤 matters on a day that owes time not covered by leave, or once the other punch exists;
 * a whole-day leave or a rest day with no punches needs none.
 */
export function listPunchProblems(facts: DayFacts, owesTime: boolean): DayProblem[] {
  const hasPunch = facts.clockIn !== null || facts.clockOut !== null;
  if (!owesTime && !hasPunch) return [];
  const problems: DayProblem[] = [];
  if (facts.clockIn === null) problems.push({ kind: "missing_clock_in" });
  if (facts.clockOut === null) problems.push({ kind: "missing_clock_out" });
  return problems;
}

export function listUnorderedProblems(unorderedMinutes: number): DayProblem[] {
  return unorderedMinutes >= 1 ? [{ kind: "overtime_without_order", minutes: unorderedMinutes }] : [];
}

/**
 * 乖離: door presence before 出勤 and after 退勤, in total, beyond the threshold and with no reason given
 * (労働安全衛生法 66条の8の3 asks the employer to look into marked gaps). Needs both punches to compare.
 */
export function listDivergenceProblems(
  facts: DayFacts,
  punched: MinuteRange | null,
  thresholdMinutes: number,
): DayProblem[] {
  if (punched === null || facts.presence === null) return [];
  if (facts.divergenceReason !== null && facts.divergenceReason.trim() !== "") return [];
  const minutes = sumRangeMinutes(subtractRanges([facts.presence], [punched]));
  return minutes > thresholdMinutes ? [{ kind: "divergence", minutes }] : [];
}
