import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundBucketMinutes } from "./round-bucket-minutes";
import { defaultWorkRules, type WorkRules } from "./work-rules";

const withRoundUpFrom = (roundUpFromMinutes: number): WorkRules => ({
  ...defaultWorkRules,
  rounding: { roundUpFromMinutes },
});

describe("roundBucketMinutes", () => {
  it.each<[number, number, string]>([
    [0, 0, "nothing worked is 0 h"],
    [29, 0, "29 min: 0 h + 29 < 30 → 0 h"],
    [30, 1, "30 min: 0 h + 30 ≥ 30 → 1 h"],
    [60, 1, "60 min: 1 h, no remainder → 1 h"],
    [89, 1, "89 min: 1 h + 29 < 30 → 1 h"],
    [90, 2, "90 min: 1 h + 30 ≥ 30 → 2 h"],
    [200, 3, "200 min: 3 h + 20 < 30 → 3 h"],
    [2100, 35, "2,100 min: 35 h exactly"],
  ])("rounds %i minutes to %i hours (%s)", (minutes, hours) => {
    expect(roundBucketMinutes(minutes, defaultWorkRules)).toBe(hours);
  });

  it("truncates every part hour for a town whose rule rounds up only from 60 minutes", () => {
    // 119 min = 1 h + 59 min, and 59 < 60.
    expect(roundBucketMinutes(119, withRoundUpFrom(60))).toBe(1);
  });

  it("rounds every part hour up, but not a whole hour, for a town whose rule rounds up from 0 minutes", () => {
    expect(roundBucketMinutes(61, withRoundUpFrom(0))).toBe(2);
    expect(roundBucketMinutes(120, withRoundUpFrom(0))).toBe(2);
  });

  it.each([-1, 1.5, Number.NaN])("refuses %d minutes as malformed input", (minutes) => {
    expect(() => roundBucketMinutes(minutes, defaultWorkRules)).toThrow(RangeError);
  });

  it("refuses a rounding rule outside 0–60 minutes", () => {
    expect(() => roundBucketMinutes(10, withRoundUpFrom(61))).toThrow(RangeError);
  });

  it("stays within half an hour of the exact hours under the default rule", () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), (minutes) => {
        const hours = roundBucketMinutes(minutes, defaultWorkRules);
        expect(Math.abs(hours * 60 - minutes)).toBeLessThanOrEqual(30);
      }),
    );
  });

  it("never rounds more minutes to fewer hours", () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), fc.nat({ max: 1_000 }), (minutes, more) => {
        expect(roundBucketMinutes(minutes + more, defaultWorkRules)).toBeGreaterThanOrEqual(
          roundBucketMinutes(minutes, defaultWorkRules),
        );
      }),
    );
  });
});
