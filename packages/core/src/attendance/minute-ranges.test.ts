import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  intersectRanges,
  isTouchingRanges,
  normalizeRanges,
  subtractRanges,
  sumRangeMinutes,
  uniteRanges,
} from "./minute-ranges";
import type { MinuteRange } from "./work-rules";

const day: MinuteRange = { start: 510, end: 1035 };
const lunch: MinuteRange = { start: 720, end: 780 };

describe("minute ranges", () => {
  it("merges overlapping and touching ranges and drops empty ones", () => {
    expect(
      normalizeRanges([
        { start: 780, end: 1035 },
        { start: 510, end: 720 },
        { start: 720, end: 730 },
        { start: 900, end: 900 },
      ]),
    ).toEqual([
      { start: 510, end: 730 },
      { start: 780, end: 1035 },
    ]);
  });

  it("cuts the lunch break out of 8:30–17:15, leaving 210 + 255 = 465 minutes", () => {
    const hours = subtractRanges([day], [lunch]);
    expect(hours).toEqual([
      { start: 510, end: 720 },
      { start: 780, end: 1035 },
    ]);
    expect(sumRangeMinutes(hours)).toBe(465);
  });

  it("intersects 8:25–17:20 with the working hours as the 465 scheduled minutes", () => {
    const hours = subtractRanges([day], [lunch]);
    expect(sumRangeMinutes(intersectRanges([{ start: 505, end: 1040 }], hours))).toBe(465);
  });

  it("sees ranges that share an edge as touching and ranges a minute apart as not", () => {
    expect(isTouchingRanges([{ start: 1035, end: 1040 }], [day])).toBe(true);
    expect(isTouchingRanges([{ start: 1036, end: 1040 }], [day])).toBe(false);
  });

  const rangesArbitrary = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 2880 }), fc.integer({ min: 0, max: 2880 })).map(([a, b]) => ({
      start: Math.min(a, b),
      end: Math.max(a, b),
    })),
    { maxLength: 6 },
  );

  it("splits a set into the part inside another set and the part outside it", () => {
    fc.assert(
      fc.property(rangesArbitrary, rangesArbitrary, (a, b) => {
        const inside = sumRangeMinutes(intersectRanges(a, b));
        const outside = sumRangeMinutes(subtractRanges(a, b));
        expect(inside + outside).toBe(sumRangeMinutes(a));
        expect(sumRangeMinutes(uniteRanges(a, b))).toBe(sumRangeMinutes(a) + sumRangeMinutes(b) - inside);
      }),
    );
  });
});
