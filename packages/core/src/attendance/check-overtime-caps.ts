import { findFiscalYearOfMonthIndex, formatMonthIndex, type LocalMonth, toMonthIndex } from "./month-key";
import type { WorkRules } from "./work-rules";

/** One month of a person's overtime, and whether their section was 他律的 that month. */
export interface MonthOvertime {
  month: LocalMonth;
  overtimeMinutes: number;
  externallyDriven: boolean;
}

/** The fiscal year so far, April to the month being checked (the latest month given). */
export interface OvertimeCapInput {
  months: readonly MonthOvertime[];
}

export type CapSection = "ordinary" | "externallyDriven";

export type CapFinding =
  /** Ordinary: over `limitMinutes` (45 h). 他律的: `limitMinutes` (100 h) or more. */
  | { kind: "month_cap"; section: CapSection; month: LocalMonth; minutes: number; limitMinutes: number }
  | { kind: "year_cap"; section: CapSection; fiscalYear: number; minutes: number; limitMinutes: number }
  /** A window of `windowMonths` months ending at the month checked whose average exceeds the limit. */
  | {
      kind: "average_cap";
      from: LocalMonth;
      to: LocalMonth;
      windowMonths: number;
      totalMinutes: number;
      averageLimitMinutes: number;
    }
  /** More months over the ordinary month cap (45 h) in the fiscal year than a 他律的 section allows. */
  | { kind: "months_over_45"; fiscalYear: number; months: LocalMonth[]; limit: number }
  | { kind: "health_notify"; month: LocalMonth; minutes: number; aboveMinutes: number }
  | { kind: "health_interview"; month: LocalMonth; minutes: number; fromMinutes: number };

const AVERAGE_WINDOWS = [2, 3, 4, 5, 6] as const;

interface IndexedMonth extends MonthOvertime {
  index: number;
}

function sortFiscalYear(months: readonly MonthOvertime[]): IndexedMonth[] {
  const sorted = months
    .map((month) => ({ ...month, index: toMonthIndex(month.month) }))
    .sort((a, b) => a.index - b.index);
  const last = sorted[sorted.length - 1];
  if (last === undefined) throw new RangeError("Caps need at least the month being checked");
  const fiscalYear = findFiscalYearOfMonthIndex(last.index);
  sorted.forEach((month, position) => {
    if (!Number.isSafeInteger(month.overtimeMinutes) || month.overtimeMinutes < 0) {
      throw new RangeError(
        `${month.month}: not a whole, non-negative number of minutes: ${month.overtimeMinutes}`,
      );
    }
    if (findFiscalYearOfMonthIndex(month.index) !== fiscalYear) {
      throw new RangeError(`${month.month} is outside fiscal year ${fiscalYear} of ${last.month}`);
    }
    if (position > 0 && sorted[position - 1]?.index === month.index) {
      throw new RangeError(`Two entries for ${month.month}`);
    }
  });
  return sorted;
}

function sumMinutes(months: readonly IndexedMonth[]): number {
  return months.reduce((sum, month) => sum + month.overtimeMinutes, 0);
}

// A window is checked only when every month in it is known: the data starts in April or at the person's hiring.
function findAverageFindings(
  months: readonly IndexedMonth[],
  checked: IndexedMonth,
  rules: WorkRules,
): CapFinding[] {
  const limit = rules.caps.externallyDriven.averageWindowMinutes;
  const findings: CapFinding[] = [];
  for (const windowMonths of AVERAGE_WINDOWS) {
    const firstIndex = checked.index - windowMonths + 1;
    const window = months.filter((month) => month.index >= firstIndex);
    if (window.length !== windowMonths) continue;
    const totalMinutes = sumMinutes(window);
    if (totalMinutes <= limit * windowMonths) continue;
    findings.push({
      kind: "average_cap",
      from: formatMonthIndex(firstIndex),
      to: checked.month,
      windowMonths,
      totalMinutes,
      averageLimitMinutes: limit,
    });
  }
  return findings;
}

function findOrdinaryFindings(
  months: readonly IndexedMonth[],
  checked: IndexedMonth,
  rules: WorkRules,
): CapFinding[] {
  const caps = rules.caps.ordinary;
  const findings: CapFinding[] = [];
  const section = "ordinary";
  if (checked.overtimeMinutes > caps.monthMinutes) {
    const { month, overtimeMinutes: minutes } = checked;
    findings.push({ kind: "month_cap", section, month, minutes, limitMinutes: caps.monthMinutes });
  }
  const yearMinutes = sumMinutes(months);
  if (yearMinutes > caps.yearMinutes) {
    const fiscalYear = findFiscalYearOfMonthIndex(checked.index);
    findings.push({
      kind: "year_cap",
      section,
      fiscalYear,
      minutes: yearMinutes,
      limitMinutes: caps.yearMinutes,
    });
  }
  return findings;
}

// 他律的部署 (人事院規則15-14 第16条の2の2): the higher caps, plus the window averages and the count of heavy months.
function findExternallyDrivenFindings(
  months: readonly IndexedMonth[],
  checked: IndexedMonth,
  rules: WorkRules,
): CapFinding[] {
  const caps = rules.caps.externallyDriven;
  const findings: CapFinding[] = [];
  const section = "externallyDriven";
  const fiscalYear = findFiscalYearOfMonthIndex(checked.index);
  if (checked.overtimeMinutes >= caps.monthMinutesBelow) {
    const { month, overtimeMinutes: minutes } = checked;
    findings.push({ kind: "month_cap", section, month, minutes, limitMinutes: caps.monthMinutesBelow });
  }
  const yearMinutes = sumMinutes(months);
  if (yearMinutes > caps.yearMinutes) {
    findings.push({
      kind: "year_cap",
      section,
      fiscalYear,
      minutes: yearMinutes,
      limitMinutes: caps.yearMinutes,
    });
  }
  findings.push(...findAverageFindings(months, checked, rules));
  const heavyMonths = months.filter((month) => month.overtimeMinutes > rules.caps.ordinary.monthMinutes);
  if (heavyMonths.length > caps.monthsOverOrdinaryPerYear) {
    const limit = caps.monthsOverOrdinaryPerYear;
    findings.push({
      kind: "months_over_45",
      fiscalYear,
      months: heavyMonths.map((month) => month.month),
      limit,
    });
  }
  return findings;
}

function findHealthFindings(checked: IndexedMonth, rules: WorkRules): CapFinding[] {
  const { notifyAboveMinutes, interviewFromMinutes } = rules.health;
  const { month, overtimeMinutes: minutes } = checked;
  const findings: CapFinding[] = [];
  if (minutes > notifyAboveMinutes) {
    findings.push({ kind: "health_notify", month, minutes, aboveMinutes: notifyAboveMinutes });
  }
  if (minutes >= interviewFromMinutes) {
    findings.push({ kind: "health_interview", month, minutes, fromMinutes: interviewFromMinutes });
  }
  return findings;
}

/**
 * The caps and health notices for the latest month given. That month's designation decides which caps
 * apply; the year, window and heavy-month counts take every month given, whatever the section then,
 * since hours follow the person across transfers. Throws RangeError when a month is malformed, repeated,
 * or outside the checked month's fiscal year.
 */
export function checkOvertimeCaps(input: OvertimeCapInput, rules: WorkRules): CapFinding[] {
  const months = sortFiscalYear(input.months);
  const checked = months[months.length - 1];
  if (checked === undefined) return [];
  const capFindings = checked.externallyDriven
    ? findExternallyDrivenFindings(months, checked, rules)
    : findOrdinaryFindings(months, checked, rules);
  return [...capFindings, ...findHealthFindings(checked, rules)];
}

/** The findings as if the month being checked had `extraMinutes` more overtime (an order being entered). */
export function projectOvertimeCaps(
  input: OvertimeCapInput,
  extraMinutes: number,
  rules: WorkRules,
): CapFinding[] {
  if (!Number.isSafeInteger(extraMinutes) || extraMinutes < 0) {
    throw new RangeError(`Not a whole, non-negative number of minutes: ${extraMinutes}`);
  }
  const latest = sortFiscalYear(input.months).at(-1);
  if (latest === undefined) return [];
  const months = input.months.map((month) =>
    month.month === latest.month
      ? { ...month, overtimeMinutes: month.overtimeMinutes + extraMinutes }
      : month,
  );
  return checkOvertimeCaps({ months }, rules);
}
