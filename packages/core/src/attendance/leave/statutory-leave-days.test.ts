import { describe, expect, it } from "vitest";
import {
  countStatutoryServiceStep,
  createStatutoryDaysOf,
  findStatutoryLeaveDays,
} from "./statutory-leave-days";

describe("countStatutoryServiceStep", () => {
  it.each([
    [0, 0],
    [5, 0],
    [6, 1], // 0.5 years
    [17, 1],
    [18, 2], // 1.5 years
    [78, 7], // 6.5 years
    [200, 17],
  ])("puts %i months of service at step %i", (months, step) => {
    expect(countStatutoryServiceStep(months)).toBe(step);
  });
});

describe("findStatutoryLeaveDays", () => {
  it("reads the 比例付与 row for 3 days a week and the last column beyond 6.5 years", () => {
    const schedule = { daysPerWeek: 3, weeklyMinutes: 1_080 };
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((step) => findStatutoryLeaveDays(step, schedule))).toEqual([
      5, 6, 6, 8, 9, 10, 11, 11,
    ]);
  });

  it("refuses a schedule of no days a week", () => {
    expect(() => findStatutoryLeaveDays(1, { daysPerWeek: 0, weeklyMinutes: 0 })).toThrow(RangeError);
  });
});

describe("createStatutoryDaysOf", () => {
  it("gives a full-time hire of 2024-04-01 10 days for 2024 and 11 for 2025", () => {
    // On 2025-01-01: 9 months → step 1 (10); on 2026-01-01: 21 months → step 2 (11).
    const statutoryDaysOf = createStatutoryDaysOf("2024-04-01", { daysPerWeek: 5, weeklyMinutes: 2_325 }, 1);
    expect(statutoryDaysOf(2024)).toBe(10);
    expect(statutoryDaysOf(2025)).toBe(11);
    expect(statutoryDaysOf(2023)).toBe(0);
  });
});
