import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CarryOverRule, carryOverStatutoryOnly, carryOverUpTo } from "./carry-over";
import { type ConsumptionOrder, consumeLeave } from "./consume-leave";

const context = (unusedGrantedMinutes: number) => ({
  leaveYear: 2026,
  unusedGrantedMinutes,
  minutesPerDay: 465,
  nextYearStart: "2027-01-01",
});

describe("carryOverUpTo", () => {
  it.each([
    [0, 0],
    [3_720, 3_720], // 8 days: all carried
    [9_300, 9_300], // 20 days: all carried
    [9_300 + 465, 9_300], // 21 days (e.g. a larger grant): capped at 20 × 465
  ])("carries %i unused minutes as %i", (unused, carried) => {
    expect(carryOverUpTo(20)(context(unused))).toBe(carried);
  });
});

describe("carryOverStatutoryOnly", () => {
  it("carries at most the statutory days and lets the town's extra days lapse", () => {
    // Statutory 11 days = 5,115; 18 unused days (8,370) → 5,115; 6 unused (2,790) → all.
    const rule = carryOverStatutoryOnly(() => 11);
    expect(rule(context(8_370))).toBe(5_115);
    expect(rule(context(2_790))).toBe(2_790);
  });

  it("asks for the statutory days of the year that ends", () => {
    const rule = carryOverStatutoryOnly((leaveYear) => (leaveYear === 2026 ? 10 : 0));
    expect(rule(context(9_300))).toBe(4_650);
    expect(rule({ ...context(9_300), leaveYear: 2025 })).toBe(0);
  });
});

// What lapses at the year end: every carried minute left, plus the unused grant the rule does not carry.
function countLapse(
  carried: number,
  granted: number,
  used: number,
  order: ConsumptionOrder,
  rule: CarryOverRule,
) {
  const { pots } = consumeLeave({ carried, granted }, used, order);
  return pots.carried + pots.granted - rule(context(pots.granted));
}

describe("using carried days first", () => {
  it("lapses 1,995 minutes fewer than using the grant first in a hand-worked year", () => {
    // Carried 3,720, granted 9,300, used 1,995. Carried first: 1,725 carried lapse, 9,300 carry (20 days).
    // Granted first: 7,305 granted left all carry, the 3,720 carried lapse: 3,720 − 1,725 = 1,995 more.
    expect(countLapse(3_720, 9_300, 1_995, "carriedFirst", carryOverUpTo(20))).toBe(1_725);
    expect(countLapse(3_720, 9_300, 1_995, "grantedFirst", carryOverUpTo(20))).toBe(3_720);
  });

  it("never makes more minutes lapse than using the grant first", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_300 }),
        fc.integer({ min: 0, max: 12_000 }),
        fc.integer({ min: 0, max: 25 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (carried, granted, capDays, share, statutory) => {
          const used = Math.floor((carried + granted) * share);
          const rule = statutory ? carryOverStatutoryOnly(() => capDays) : carryOverUpTo(capDays);
          expect(countLapse(carried, granted, used, "carriedFirst", rule)).toBeLessThanOrEqual(
            countLapse(carried, granted, used, "grantedFirst", rule),
          );
        },
      ),
    );
  });
});

describe("consumeLeave", () => {
  it("takes from the carried pot, then the granted one, and reports the rest as overdrawn", () => {
    expect(consumeLeave({ carried: 100, granted: 50 }, 120)).toEqual({
      pots: { carried: 0, granted: 30 },
      overdrawn: 0,
    });
    expect(consumeLeave({ carried: 100, granted: 50 }, 200)).toEqual({
      pots: { carried: 0, granted: 0 },
      overdrawn: 50,
    });
    expect(consumeLeave({ carried: 100, granted: 50 }, 30, "grantedFirst")).toEqual({
      pots: { carried: 100, granted: 20 },
      overdrawn: 0,
    });
  });
});
