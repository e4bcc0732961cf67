import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateProRataGrantDays, type GrantRounding } from "./pro-rata-grant";

describe("calculateProRataGrantDays", () => {
  it.each<[string, GrantRounding, number]>([
    ["2026-01-01", "nearest", 20], // 20 × 12 / 12
    ["2026-02-16", "nearest", 18], // 20 × 11 / 12 = 18.33
    ["2026-02-16", "up", 19],
    ["2026-03-01", "nearest", 17], // 20 × 10 / 12 = 16.67
    ["2026-03-01", "down", 16],
    ["2026-04-01", "nearest", 15], // 20 × 9 / 12
    ["2026-10-01", "nearest", 5], // 20 × 3 / 12
    ["2026-10-20", "nearest", 5], // the hire month counts whatever the day
    ["2026-12-01", "nearest", 2], // 20 × 1 / 12 = 1.67
    ["2026-12-01", "down", 1],
  ])("grants a hire on %s (%s) %i days", (hiredOn, rounding, days) => {
    expect(calculateProRataGrantDays({ hiredOn, annualDays: 20, yearStartMonth: 1, rounding })).toBe(days);
  });

  it("counts months of a fiscal leave year from April", () => {
    // Hired 2026-10-01 into a year starting in April: October–March = 6 months → 20 × 6 / 12 = 10.
    expect(
      calculateProRataGrantDays({
        hiredOn: "2026-10-01",
        annualDays: 20,
        yearStartMonth: 4,
        rounding: "nearest",
      }),
    ).toBe(10);
  });

  it("never grants more than the full year nor less as the hire comes earlier", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom<GrantRounding>("nearest", "up", "down"),
        (month, annualDays, rounding) => {
          const at = (m: number) =>
            calculateProRataGrantDays({
              hiredOn: `2026-${String(m).padStart(2, "0")}-01`,
              annualDays,
              yearStartMonth: 1,
              rounding,
            });
          expect(at(month)).toBeGreaterThanOrEqual(at(month + 1));
          expect(at(month)).toBeLessThanOrEqual(annualDays);
        },
      ),
    );
  });
});
