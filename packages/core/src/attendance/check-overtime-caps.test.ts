import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CapFinding,
  checkOvertimeCaps,
  type MonthOvertime,
  projectOvertimeCaps,
} from "./check-overtime-caps";
import { defaultWorkRules } from "./work-rules";

const rules = defaultWorkRules;
const hours = (whole: number, minutes = 0): number => whole * 60 + minutes;
const ordinary = (month: string, overtimeMinutes: number): MonthOvertime => ({
  month,
  overtimeMinutes,
  externallyDriven: false,
});
const externallyDriven = (month: string, overtimeMinutes: number): MonthOvertime => ({
  month,
  overtimeMinutes,
  externallyDriven: true,
});
const check = (...months: MonthOvertime[]): CapFinding[] => checkOvertimeCaps({ months }, rules);
const fiscalMonths = ["04", "05", "06", "07", "08", "09", "10", "11", "12"].map((month) => `2026-${month}`);

describe("checkOvertimeCaps: ordinary sections", () => {
  it("accepts 45 h exactly in a month", () => {
    expect(check(ordinary("2026-10", hours(45)))).toEqual([]);
  });

  it("finds the month cap at 45 h 1 min", () => {
    expect(check(ordinary("2026-10", hours(45, 1)))).toEqual([
      { kind: "month_cap", section: "ordinary", month: "2026-10", minutes: 2701, limitMinutes: 2700 },
    ]);
  });

  it("finds the year cap once the fiscal year passes 360 h, even in a light month", () => {
    // April–December 9 × 40 h = 360 h exactly: no finding. January 2027 (same 年度) adds 1 min → 21,601 > 21,600.
    const aprilToDecember = fiscalMonths.map((month) => ordinary(month, hours(40)));
    expect(check(...aprilToDecember)).toEqual([]);
    expect(check(...aprilToDecember, ordinary("2027-01", 1))).toEqual([
      { kind: "year_cap", section: "ordinary", fiscalYear: 2026, minutes: 21601, limitMinutes: 21600 },
    ]);
  });

  it("takes the months in any order and checks the latest one", () => {
    expect(check(ordinary("2026-05", hours(50)), ordinary("2026-04", hours(10)))).toEqual([
      { kind: "month_cap", section: "ordinary", month: "2026-05", minutes: 3000, limitMinutes: 2700 },
    ]);
  });
});

describe("checkOvertimeCaps: 他律的 sections", () => {
  it("finds the 2- and 3-month averages over 80 h after months of 70, 90 and 85 h", () => {
    // Apr 20, May 20, Jun 70, Jul 90, Aug 85 (checked).
    // 2 months Jul–Aug: (90 + 85) / 2 = 87.5 > 80 → finding (10,500 > 9,600 min).
    // 3 months Jun–Aug: (70 + 90 + 85) / 3 = 81.7 > 80 → finding (14,700 > 14,400 min).
    // 4 months May–Aug: 265 / 4 = 66.25; 5 months Apr–Aug: 285 / 5 = 57; 6 months would reach back to March.
    // 85 h > 80 h → notify; 85 < 100 h; 3 months over 45 h ≤ 6; 285 h ≤ 720 h.
    const findings = check(
      externallyDriven("2026-04", hours(20)),
      externallyDriven("2026-05", hours(20)),
      externallyDriven("2026-06", hours(70)),
      externallyDriven("2026-07", hours(90)),
      externallyDriven("2026-08", hours(85)),
    );
    expect(findings).toEqual([
      {
        kind: "average_cap",
        from: "2026-07",
        to: "2026-08",
        windowMonths: 2,
        totalMinutes: 10500,
        averageLimitMinutes: 4800,
      },
      {
        kind: "average_cap",
        from: "2026-06",
        to: "2026-08",
        windowMonths: 3,
        totalMinutes: 14700,
        averageLimitMinutes: 4800,
      },
      { kind: "health_notify", month: "2026-08", minutes: 5100, aboveMinutes: 4800 },
    ]);
  });

  it("names only the 3-month window when a 70 h month follows 90 and 85 h", () => {
    // 2 months: (85 + 70) / 2 = 77.5 ≤ 80. 3 months: (90 + 85 + 70) / 3 = 81.7 > 80.
    const findings = check(
      externallyDriven("2026-04", hours(90)),
      externallyDriven("2026-05", hours(85)),
      externallyDriven("2026-06", hours(70)),
    );
    expect(findings).toEqual([
      {
        kind: "average_cap",
        from: "2026-04",
        to: "2026-06",
        windowMonths: 3,
        totalMinutes: 14700,
        averageLimitMinutes: 4800,
      },
    ]);
  });

  it("finds the month cap at 100 h but not at 99 h 59 min", () => {
    expect(check(externallyDriven("2026-04", hours(99, 59)))).toEqual([
      { kind: "health_notify", month: "2026-04", minutes: 5999, aboveMinutes: 4800 },
    ]);
    expect(check(externallyDriven("2026-04", hours(100)))).toEqual([
      { kind: "month_cap", section: "externallyDriven", month: "2026-04", minutes: 6000, limitMinutes: 6000 },
      { kind: "health_notify", month: "2026-04", minutes: 6000, aboveMinutes: 4800 },
      { kind: "health_interview", month: "2026-04", minutes: 6000, fromMinutes: 6000 },
    ]);
  });

  it("finds the seventh month over 45 h in a fiscal year, not the sixth", () => {
    // April–October at 50 h: averages 50 ≤ 80, year 350 h ≤ 720 h. Six months over 45 h by September, seven by October.
    const months = fiscalMonths.slice(0, 7).map((month) => externallyDriven(month, hours(50)));
    expect(check(...months.slice(0, 6))).toEqual([]);
    expect(check(...months)).toEqual([
      { kind: "months_over_45", fiscalYear: 2026, months: fiscalMonths.slice(0, 7), limit: 6 },
    ]);
  });

  it("finds the year cap beyond 720 h", () => {
    // April–December 9 × 80 h = 720 h exactly; January 2027 at 1 min → 43,201 > 43,200.
    // Nine months over 45 h also exceed the six allowed.
    const months = fiscalMonths.map((month) => externallyDriven(month, hours(80)));
    expect(check(...months).map((finding) => finding.kind)).toEqual(["months_over_45"]);
    expect(check(...months, externallyDriven("2027-01", 1)).map((finding) => finding.kind)).toEqual([
      "year_cap",
      "months_over_45",
    ]);
  });
});

describe("checkOvertimeCaps: a transfer mid-year", () => {
  it("applies the 他律的 caps from October after six ordinary months, counting the whole year", () => {
    // April–September ordinary at 45 h: 270 h, no finding in any of them.
    // October 他律的 at 95 h: year 365 h (> 360 but ≤ 720), 95 < 100, 2-month (45 + 95) / 2 = 70 ≤ 80,
    // one month over 45 h. Only the health notice (95 h > 80 h) remains.
    const beforeTransfer = fiscalMonths.slice(0, 6).map((month) => ordinary(month, hours(45)));
    expect(check(...beforeTransfer)).toEqual([]);
    expect(check(...beforeTransfer, externallyDriven("2026-10", hours(95)))).toEqual([
      { kind: "health_notify", month: "2026-10", minutes: 5700, aboveMinutes: 4800 },
    ]);
  });

  it("holds an ordinary October to 360 h a year, counting the 他律的 months before it", () => {
    // April–September 他律的 at 70 h: 420 h. October ordinary at 10 h: 430 h > 360 h → year_cap; 10 h ≤ 45 h.
    const beforeTransfer = fiscalMonths.slice(0, 6).map((month) => externallyDriven(month, hours(70)));
    expect(check(...beforeTransfer, ordinary("2026-10", hours(10)))).toEqual([
      { kind: "year_cap", section: "ordinary", fiscalYear: 2026, minutes: 25800, limitMinutes: 21600 },
    ]);
  });
});

describe("checkOvertimeCaps: health notices", () => {
  it.each<[string, number, CapFinding["kind"][]]>([
    ["80 h exactly needs nothing", hours(80), []],
    ["80 h 1 min notifies the person", hours(80, 1), ["health_notify"]],
    [
      "100 h calls for a doctor's interview as well",
      hours(100),
      ["month_cap", "health_notify", "health_interview"],
    ],
  ])("%s", (_, minutes, kinds) => {
    const findings = check(externallyDriven("2026-04", minutes));
    expect(findings.map((finding) => finding.kind)).toEqual(kinds);
  });
});

describe("checkOvertimeCaps: malformed input", () => {
  it.each<[string, MonthOvertime[]]>([
    ["no month", []],
    ["a malformed month", [ordinary("2026-4", 0)]],
    ["a repeated month", [ordinary("2026-04", 0), ordinary("2026-04", 60)]],
    ["a month of another fiscal year", [ordinary("2026-03", 0), ordinary("2026-04", 60)]],
    ["negative minutes", [ordinary("2026-04", -1)]],
  ])("refuses %s", (_, months) => {
    expect(() => checkOvertimeCaps({ months }, rules)).toThrow(RangeError);
  });
});

describe("projectOvertimeCaps", () => {
  it("finds the month cap an order of 6 h would cause in a 40 h month", () => {
    // 40 h + 6 h = 46 h > 45 h.
    const months = [ordinary("2026-04", hours(30)), ordinary("2026-05", hours(40))];
    expect(projectOvertimeCaps({ months }, hours(6), rules)).toEqual([
      { kind: "month_cap", section: "ordinary", month: "2026-05", minutes: 2760, limitMinutes: 2700 },
    ]);
    expect(projectOvertimeCaps({ months }, hours(5), rules)).toEqual([]);
  });

  it("refuses negative extra minutes", () => {
    expect(() => projectOvertimeCaps({ months: [ordinary("2026-04", 0)] }, -15, rules)).toThrow(RangeError);
  });
});

const fiscalYearSoFar = fc
  .tuple(
    fc.integer({ min: 1, max: 12 }),
    fc.array(fc.record({ minutes: fc.nat({ max: hours(120) }), externallyDriven: fc.boolean() }), {
      minLength: 12,
      maxLength: 12,
    }),
  )
  .map(([count, values]) =>
    values.slice(0, count).map(({ minutes, externallyDriven }, offset): MonthOvertime => {
      const monthOfYear = ((offset + 3) % 12) + 1;
      const year = offset < 9 ? 2026 : 2027;
      return {
        month: `${year}-${String(monthOfYear).padStart(2, "0")}`,
        overtimeMinutes: minutes,
        externallyDriven,
      };
    }),
  );

describe("checkOvertimeCaps properties", () => {
  it("never removes a finding when the checked month gets more overtime", () => {
    fc.assert(
      fc.property(fiscalYearSoFar, fc.nat({ max: hours(60) }), (months, extra) => {
        const before = new Set(checkOvertimeCaps({ months }, rules).map((finding) => finding.kind));
        const after = new Set(projectOvertimeCaps({ months }, extra, rules).map((finding) => finding.kind));
        for (const kind of before) expect(after.has(kind)).toBe(true);
      }),
    );
  });

  it("projects nothing new for zero extra minutes", () => {
    fc.assert(
      fc.property(fiscalYearSoFar, (months) => {
        expect(projectOvertimeCaps({ months }, 0, rules)).toEqual(checkOvertimeCaps({ months }, rules));
      }),
    );
  });

  it("gives an ordinary month neither window averages nor a count of heavy months", () => {
    fc.assert(
      fc.property(fiscalYearSoFar, (months) => {
        const last = months[months.length - 1];
        if (last === undefined || last.externallyDriven) return;
        const kinds = checkOvertimeCaps({ months }, rules).map((finding) => finding.kind);
        expect(kinds).not.toContain("average_cap");
        expect(kinds).not.toContain("months_over_45");
      }),
    );
  });
});
