import { describe, expect, it } from "vitest";
import { fiscalYearOf, fiscalYearRange } from "./fiscal-year";

describe("fiscalYearOf", () => {
  it.each([
    ["2026-03-31", 2025],
    ["2026-04-01", 2026],
    ["2026-12-31", 2026],
    ["2027-01-01", 2026],
    ["2027-03-31", 2026],
    ["2000-02-29", 1999],
  ])("puts %s in fiscal year %i", (date, fiscalYear) => {
    expect(fiscalYearOf(date)).toBe(fiscalYear);
  });

  it("throws RangeError on a malformed date", () => {
    expect(() => fiscalYearOf("2026-04-31")).toThrow(RangeError);
  });
});

describe("fiscalYearRange", () => {
  it("runs from 1 April to 31 March", () => {
    expect(fiscalYearRange(2026)).toEqual({ from: "2026-04-01", to: "2027-03-31" });
    expect(fiscalYearRange(2019)).toEqual({ from: "2019-04-01", to: "2020-03-31" });
  });

  it("contains exactly the dates whose fiscal year it is", () => {
    const { from, to } = fiscalYearRange(2025);
    expect(fiscalYearOf(from)).toBe(2025);
    expect(fiscalYearOf(to)).toBe(2025);
  });
});
