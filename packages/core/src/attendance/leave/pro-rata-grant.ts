import type { LocalDate } from "../../calendar/index";
import { parseLocalDate } from "../../calendar/index";

/** How a fractional pro-rata grant becomes whole days. */
export type GrantRounding = "nearest" | "up" | "down";

export interface ProRataGrantInput {
  hiredOn: LocalDate;
  /** The full year's grant (20 days). */
  annualDays: number;
  /** 1 = calendar year (regular staff's grant on 1/1). */
  yearStartMonth: number;
  rounding: GrantRounding;
}

function roundFraction(numerator: number, denominator: number, rounding: GrantRounding): number {
  if (rounding === "down") return Math.floor(numerator / denominator);
  if (rounding === "up") return Math.ceil(numerator / denominator);
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * A mid-year hire's first grant: annualDays × (months left in the leave year, the hire month included
 * whatever the day) ÷ 12, rounded to whole days. With "nearest" it gives 人事院's table for a calendar
 * year: hired in April 15 days, in October 5, in December 2.
 */
export function calculateProRataGrantDays(input: ProRataGrantInput): number {
  const { hiredOn, annualDays, yearStartMonth, rounding } = input;
  const parts = parseLocalDate(hiredOn);
  if (parts === null) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${JSON.stringify(hiredOn)}`);
  if (!Number.isInteger(annualDays) || annualDays < 0) {
    throw new RangeError(`A yearly grant is whole days: ${annualDays}`);
  }
  if (!Number.isInteger(yearStartMonth) || yearStartMonth < 1 || yearStartMonth > 12) {
    throw new RangeError(`A leave year starts in a month 1–12: ${yearStartMonth}`);
  }
  const monthsBefore = (parts.month - yearStartMonth + 12) % 12;
  return roundFraction(annualDays * (12 - monthsBefore), 12, rounding);
}
