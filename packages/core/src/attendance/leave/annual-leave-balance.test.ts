import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnnualLeaveGrant,
  type AnnualLeaveRules,
  type AnnualLeaveUse,
  computeAnnualLeaveBalance,
  defaultAnnualLeaveRules,
} from "./annual-leave-balance";
import { carryOverStatutoryOnly } from "./carry-over";
import { createStatutoryDaysOf } from "./statutory-leave-days";

const day = 465;
const grant = (on: string, days: number): AnnualLeaveGrant => ({ on, minutes: days * day, kind: "grant" });
const useDays = (on: string, days: number): AnnualLeaveUse => ({ on, minutes: days * day });
const useHours = (on: string, hours: number): AnnualLeaveUse => ({ on, minutes: hours * 60 });

// 2025: 20 days granted, 12 used → 8 days (3,720 min) carried into 2026.
const year2025 = {
  grants: [grant("2025-01-01", 20)],
  uses: [useDays("2025-03-10", 5), useDays("2025-08-12", 5), useDays("2025-12-01", 2)],
};
// 2026: 3 days in February (1,395), 10 hours in April (600), 6 days in August (2,790).
const year2026 = {
  grants: [grant("2026-01-01", 20)],
  uses: [useDays("2026-02-16", 3), useHours("2026-04-10", 10), useDays("2026-08-10", 6)],
};
const grants = [...year2025.grants, ...year2026.grants];
const uses = [...year2025.uses, ...year2026.uses];

describe("computeAnnualLeaveBalance", () => {
  it("uses the 8 carried days first and leaves 17 days 5 h 30 min at the end of 2026", () => {
    // Used 1,395 + 600 + 2,790 = 4,785. The first 3,720 come from the carried days: February and April
    // take 1,995, August takes the last 1,725 carried and 1,065 granted.
    // Remaining 3,720 + 9,300 − 4,785 = 8,235 = 17 × 465 (7,905) + 330 (5 h 30 min).
    const balance = computeAnnualLeaveBalance({
      grants,
      uses,
      asOf: "2026-12-31",
      rules: defaultAnnualLeaveRules,
    });
    expect(balance).toEqual({
      leaveYear: 2026,
      carriedMinutes: 3_720,
      grantedMinutes: 9_300,
      usedMinutes: 4_785,
      remainingMinutes: 8_235,
      remainingDaysAndHours: { days: 17, hours: 5, minutes: 30 },
      carriedRemainingMinutes: 0,
      overdrawnMinutes: 0,
      lapsedMinutes: 0,
    });
  });

  it("shows 23 days 5 h 30 min on 2026-05-01, 3 days 3 h 30 min of it still carried", () => {
    // Used by then 1,395 + 600 = 1,995, all from the carried 3,720: 1,725 carried left (3 × 465 + 330).
    // Remaining 1,725 + 9,300 = 11,025 = 23 × 465 (10,695) + 330.
    const balance = computeAnnualLeaveBalance({
      grants,
      uses,
      asOf: "2026-05-01",
      rules: defaultAnnualLeaveRules,
    });
    expect(balance.usedMinutes).toBe(1_995);
    expect(balance.carriedRemainingMinutes).toBe(1_725);
    expect(balance.remainingMinutes).toBe(11_025);
    expect(balance.remainingDaysAndHours).toEqual({ days: 23, hours: 5, minutes: 30 });
  });

  it("lets the carried days not used by the year end lapse and carries the unused grant", () => {
    // 2026 without the August week: 1,995 used from the carried 3,720, so 1,725 carried lapse on 12/31;
    // the 9,300 granted are untouched and all 20 days carry into 2027: 9,300 + 9,300 = 40 days.
    const balance = computeAnnualLeaveBalance({
      grants: [...grants, grant("2027-01-01", 20)],
      uses: uses.filter((use) => use.on !== "2026-08-10"),
      asOf: "2027-01-04",
      rules: defaultAnnualLeaveRules,
    });
    expect(balance.lapsedMinutes).toBe(1_725);
    expect(balance.carriedMinutes).toBe(9_300);
    expect(balance.remainingDaysAndHours).toEqual({ days: 40, hours: 0, minutes: 0 });
  });

  it("caps the carry-over at 20 days so an untouched balance stays at 40 days", () => {
    // 2025 and 2026 unused: 2027 starts with 20 carried (2026's grant) + 20 granted; 2025's 20 lapse.
    const balance = computeAnnualLeaveBalance({
      grants: [grant("2025-01-01", 20), grant("2026-01-01", 20), grant("2027-01-01", 20)],
      uses: [],
      asOf: "2027-06-30",
      rules: defaultAnnualLeaveRules,
    });
    expect(balance.carriedMinutes).toBe(20 * day);
    expect(balance.lapsedMinutes).toBe(20 * day);
    expect(balance.remainingDaysAndHours).toEqual({ days: 40, hours: 0, minutes: 0 });
  });

  it("gives a hire on 2026-10-01 five days, and carries the unused four into 2027", () => {
    // Pro rata 20 × 3 / 12 = 5 days = 2,325; one day used in December leaves 1,860 = 4 days.
    const balance = computeAnnualLeaveBalance({
      grants: [grant("2026-10-01", 5), grant("2027-01-01", 20)],
      uses: [useDays("2026-12-25", 1)],
      asOf: "2027-01-04",
      rules: defaultAnnualLeaveRules,
    });
    expect(balance.carriedMinutes).toBe(1_860);
    expect(balance.remainingDaysAndHours).toEqual({ days: 24, hours: 0, minutes: 0 });
  });

  it("carries only the statutory 11 days where the town carries statutory days only", () => {
    // Hired 2024-04-01, full time: on 2026-01-01 21 months served → the statute's 1.5-year step, 11 days.
    // 2025: 20 granted, 2 used, 18 unused → 11 carried, 7 lapse.
    const rules: AnnualLeaveRules = {
      ...defaultAnnualLeaveRules,
      carryOver: carryOverStatutoryOnly(
        createStatutoryDaysOf("2024-04-01", { daysPerWeek: 5, weeklyMinutes: 2_325 }, 1),
      ),
    };
    const balance = computeAnnualLeaveBalance({
      grants: [grant("2025-01-01", 20), grant("2026-01-01", 20)],
      uses: [useDays("2025-05-01", 2)],
      asOf: "2026-01-05",
      rules,
    });
    expect(balance.carriedMinutes).toBe(11 * day);
    expect(balance.lapsedMinutes).toBe(7 * day);
  });

  it("counts hours against a part-time day of 6 hours", () => {
    // 10 days × 360 = 3,600; 3 hours used = 180; 3,420 = 9 × 360 (3,240) + 180 = 9 days 3 h.
    const balance = computeAnnualLeaveBalance({
      grants: [{ on: "2026-04-01", minutes: 3_600, kind: "grant" }],
      uses: [useHours("2026-06-01", 3)],
      asOf: "2026-06-30",
      rules: { ...defaultAnnualLeaveRules, minutesPerDay: 360, yearStartMonth: 4 },
    });
    expect(balance.remainingDaysAndHours).toEqual({ days: 9, hours: 3, minutes: 0 });
  });

  it("treats an opening balance taken over from an earlier system as carried days", () => {
    // 5 days 2 h carried in (2,445) + 20 granted; 6 days used: 2,445 carried, then 345 granted.
    const balance = computeAnnualLeaveBalance({
      grants: [{ on: "2026-01-01", minutes: 2_445, kind: "carriedIn" }, grant("2026-01-01", 20)],
      uses: [useDays("2026-03-02", 6)],
      asOf: "2026-03-31",
      rules: defaultAnnualLeaveRules,
    });
    expect(balance.carriedMinutes).toBe(2_445);
    expect(balance.carriedRemainingMinutes).toBe(0);
    expect(balance.remainingMinutes).toBe(9_300 - 345);
  });

  it("ignores grants and uses after the date asked about", () => {
    const balance = computeAnnualLeaveBalance({
      grants,
      uses,
      asOf: "2025-12-31",
      rules: defaultAnnualLeaveRules,
    });
    expect(balance.leaveYear).toBe(2025);
    expect(balance.remainingDaysAndHours).toEqual({ days: 8, hours: 0, minutes: 0 });
  });

  it("records use beyond the balance as overdrawn instead of a negative balance", () => {
    const balance = computeAnnualLeaveBalance({
      grants: [grant("2026-01-01", 1)],
      uses: [useDays("2026-02-02", 2)],
      asOf: "2026-12-31",
      rules: defaultAnnualLeaveRules,
    });
    expect(balance.remainingMinutes).toBe(0);
    expect(balance.overdrawnMinutes).toBe(465);
  });

  it("is empty with no grants", () => {
    const balance = computeAnnualLeaveBalance({
      grants: [],
      uses: [],
      asOf: "2026-07-01",
      rules: defaultAnnualLeaveRules,
    });
    expect(balance.remainingDaysAndHours).toEqual({ days: 0, hours: 0, minutes: 0 });
  });

  it("refuses minutes that are not whole", () => {
    expect(() =>
      computeAnnualLeaveBalance({
        grants: [],
        uses: [{ on: "2026-01-05", minutes: 1.5 }],
        asOf: "2026-07-01",
        rules: defaultAnnualLeaveRules,
      }),
    ).toThrow(RangeError);
  });

  const dateIn = (years: readonly number[]) =>
    fc
      .record({
        year: fc.constantFrom(...years),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
      })
      .map(
        ({ year, month, day: d }) =>
          `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      );
  const leaveHistory = fc.record({
    grantDays: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 3 }),
    uses: fc.array(
      fc.record({ on: dateIn([2024, 2025, 2026]), minutes: fc.integer({ min: 1, max: 2_400 }) }),
      {
        maxLength: 12,
      },
    ),
    asOf: dateIn([2024, 2025, 2026]),
  });

  it("keeps remaining = carried + granted − used whenever the balance sufficed", () => {
    fc.assert(
      fc.property(leaveHistory, ({ grantDays, uses: drawn, asOf }) => {
        const balance = computeAnnualLeaveBalance({
          grants: grantDays.map((days, index) => grant(`${2024 + index}-01-01`, days)),
          uses: drawn,
          asOf,
          rules: defaultAnnualLeaveRules,
        });
        const { carriedMinutes, grantedMinutes, usedMinutes, remainingMinutes, overdrawnMinutes } = balance;
        expect(remainingMinutes).toBe(carriedMinutes + grantedMinutes - usedMinutes + overdrawnMinutes);
        if (overdrawnMinutes === 0)
          expect(remainingMinutes).toBe(carriedMinutes + grantedMinutes - usedMinutes);
        expect(remainingMinutes).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("never holds more than 40 days under the default rules and 20-day grants", () => {
    fc.assert(
      fc.property(leaveHistory, ({ uses: drawn, asOf }) => {
        const balance = computeAnnualLeaveBalance({
          grants: [grant("2024-01-01", 20), grant("2025-01-01", 20), grant("2026-01-01", 20)],
          uses: drawn,
          asOf,
          rules: defaultAnnualLeaveRules,
        });
        expect(balance.remainingMinutes).toBeLessThanOrEqual(40 * day);
        expect(balance.carriedMinutes).toBeLessThanOrEqual(20 * day);
      }),
    );
  });
});
