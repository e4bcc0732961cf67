import { describe, expect, it } from "vitest";
import { computeAnnualLeaveBalance, defaultAnnualLeaveRules } from "./annual-leave-balance";
import {
  type AppointmentTerm,
  calculateAppointeeGrant,
  carryOverOnUnbrokenReappointment,
} from "./appointee-grant";

const fullTime = { daysPerWeek: 5, weeklyMinutes: 2_325 };
// 3 days a week of 6 hours: 18 h a week, under 30 h, so the 比例付与 row applies.
const threeDays = { daysPerWeek: 3, weeklyMinutes: 1_080 };
const fiscalTerm = (year: number, schedule = threeDays): AppointmentTerm => ({
  from: `${year}-04-01`,
  to: `${year + 1}-03-31`,
  ...schedule,
});

describe("calculateAppointeeGrant", () => {
  it("grants a first full-time 12-month term 10 days", () => {
    expect(calculateAppointeeGrant(fiscalTerm(2026, fullTime), [])).toEqual({
      days: 10,
      termMonths: 12,
      serviceStep: 1,
      serviceFrom: "2026-04-01",
    });
  });

  it.each([
    ["4 days, 24 h", { daysPerWeek: 4, weeklyMinutes: 1_440 }, 7],
    ["3 days, 18 h", threeDays, 5],
    ["2 days, 12 h", { daysPerWeek: 2, weeklyMinutes: 720 }, 3],
    ["1 day, 6 h", { daysPerWeek: 1, weeklyMinutes: 360 }, 1],
    ["4 days, 32 h (30 h or more is full time)", { daysPerWeek: 4, weeklyMinutes: 1_920 }, 10],
  ])("grants a first term of %s a week the statute's %i days", (_label, schedule, days) => {
    expect(calculateAppointeeGrant(fiscalTerm(2026, schedule), []).days).toBe(days);
  });

  it("rises 10, 11, 12, 14, 16, 18, 20, 20 over eight unbroken full-time years", () => {
    const terms = [2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033].map((year) => fiscalTerm(year, fullTime));
    const days = terms.map((term, index) => calculateAppointeeGrant(term, terms.slice(0, index)).days);
    expect(days).toEqual([10, 11, 12, 14, 16, 18, 20, 20]);
  });

  it("gives a 3-day appointee 6 days when re-appointed without a break", () => {
    expect(calculateAppointeeGrant(fiscalTerm(2027), [fiscalTerm(2026)]).days).toBe(6);
  });

  it("starts over at 5 days when a month lies between the terms", () => {
    const late = { ...fiscalTerm(2027), from: "2027-05-01" };
    expect(calculateAppointeeGrant(late, [fiscalTerm(2026)])).toMatchObject({ days: 5, serviceStep: 1 });
  });

  it("grants nothing at appointment for a term under six months, and the table for six", () => {
    const fourMonths = { from: "2026-10-01", to: "2027-01-31", ...fullTime };
    const sixMonths = { from: "2026-10-01", to: "2027-03-31", ...fullTime };
    expect(calculateAppointeeGrant(fourMonths, [])).toMatchObject({ days: 0, termMonths: 4 });
    expect(calculateAppointeeGrant(sixMonths, [])).toMatchObject({ days: 10, termMonths: 6 });
  });
});

describe("an appointee's balance over two fiscal years", () => {
  // 3 days a week, 6-hour days: FY2026 grants 5 days = 1,800 min; 2 days (720) used, 1,080 (3 days) unused.
  const rulesFor = (terms: AppointmentTerm[]) => ({
    ...defaultAnnualLeaveRules,
    minutesPerDay: 360,
    yearStartMonth: 4,
    carryOver: carryOverOnUnbrokenReappointment(terms, 20),
  });
  const uses = [{ on: "2026-08-03", minutes: 720 }];

  it("carries the unused 3 days into an unbroken re-appointment: 3 + 6 = 9 days", () => {
    const terms = [fiscalTerm(2026), fiscalTerm(2027)];
    const balance = computeAnnualLeaveBalance({
      grants: [
        { on: "2026-04-01", minutes: 1_800, kind: "grant" },
        { on: "2027-04-01", minutes: 2_160, kind: "grant" },
      ],
      uses,
      asOf: "2027-04-01",
      rules: rulesFor(terms),
    });
    expect(balance.carriedMinutes).toBe(1_080);
    expect(balance.remainingDaysAndHours).toEqual({ days: 9, hours: 0, minutes: 0 });
  });

  it("lets the 3 days lapse when the next term starts a month later", () => {
    const terms = [fiscalTerm(2026), { ...fiscalTerm(2027), from: "2027-05-01" }];
    const balance = computeAnnualLeaveBalance({
      grants: [
        { on: "2026-04-01", minutes: 1_800, kind: "grant" },
        { on: "2027-05-01", minutes: 1_800, kind: "grant" },
      ],
      uses,
      asOf: "2027-05-01",
      rules: rulesFor(terms),
    });
    expect(balance.carriedMinutes).toBe(0);
    expect(balance.lapsedMinutes).toBe(1_080);
    expect(balance.remainingDaysAndHours).toEqual({ days: 5, hours: 0, minutes: 0 });
  });

  it("carries across the year end when one term runs over it", () => {
    const rule = carryOverOnUnbrokenReappointment(
      [{ from: "2026-10-01", to: "2027-09-30", ...threeDays }],
      20,
    );
    expect(
      rule({ leaveYear: 2026, unusedGrantedMinutes: 1_080, minutesPerDay: 360, nextYearStart: "2027-04-01" }),
    ).toBe(1_080);
  });
});
