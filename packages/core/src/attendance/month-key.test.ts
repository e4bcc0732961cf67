import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findFiscalYearOfMonthIndex, findMonthOfDate, formatMonthIndex, toMonthIndex } from "./month-key";

describe("month keys", () => {
  it("numbers consecutive months one apart across a year end", () => {
    // 2026-12 → 2026 × 12 + 11 = 24,323; 2027-01 → 2027 × 12 + 0 = 24,324.
    expect(toMonthIndex("2026-12")).toBe(24323);
    expect(toMonthIndex("2027-01")).toBe(24324);
  });

  it.each(["2026-13", "2026-00", "2026-1", "26-01", "2026-01-01"])("refuses %s as a month", (month) => {
    expect(() => toMonthIndex(month)).toThrow(RangeError);
  });

  it.each<[string, number]>([
    ["2026-03", 2025],
    ["2026-04", 2026],
    ["2027-03", 2026],
  ])("places %s in fiscal year %i", (month, fiscalYear) => {
    expect(findFiscalYearOfMonthIndex(toMonthIndex(month))).toBe(fiscalYear);
  });

  it("reads the month of a date and refuses a date that does not exist", () => {
    expect(findMonthOfDate("2026-10-19")).toBe("2026-10");
    expect(() => findMonthOfDate("2026-02-30")).toThrow(RangeError);
  });

  it("writes back every month it numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
        expect(formatMonthIndex(toMonthIndex(text))).toBe(text);
      }),
    );
  });
});
