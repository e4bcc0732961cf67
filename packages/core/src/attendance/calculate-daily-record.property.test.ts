import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateDailyRecord } from "./calculate-daily-record";
import type { DayFacts } from "./daily-record-types";
import { defaultWorkRules, type MinuteRange, overtimeBuckets } from "./work-rules";

const minuteArbitrary = fc.integer({ min: 0, max: 2880 });
const rangeArbitrary: fc.Arbitrary<MinuteRange> = fc
  .tuple(minuteArbitrary, minuteArbitrary)
  .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
const rangesArbitrary = fc.array(rangeArbitrary, { maxLength: 4 });

const factsArbitrary: fc.Arbitrary<DayFacts> = fc
  .record({
    date: fc.constantFrom("2026-11-26", "2026-11-28", "2026-11-29", "2026-09-22"),
    dayKind: fc.constantFrom("workday", "weeklyRest", "holiday"),
    sunday: fc.boolean(),
    scheduled: fc.option(
      fc.record({ span: rangeArbitrary, breaks: rangesArbitrary }).map(({ span, breaks }) => ({
        start: span.start,
        end: span.end,
        breaks,
      })),
    ),
    clockIn: fc.option(minuteArbitrary),
    clockOut: fc.option(minuteArbitrary),
    presence: fc.option(rangeArbitrary),
    leave: rangesArbitrary,
    orders: rangesArbitrary,
    holidayWork: fc.constantFrom(null, "restDaySwap", "compensatoryDay", "payment"),
    divergenceReason: fc.option(fc.constantFrom("自己研鑽", "私用", "待機", "命令漏れ")),
  })
  .map((facts) =>
    // Punches arrive in order from the punch rule; both present means 出勤 at or before 退勤.
    facts.clockIn !== null && facts.clockOut !== null && facts.clockIn > facts.clockOut
      ? { ...facts, clockIn: facts.clockOut, clockOut: facts.clockIn }
      : facts,
  );

const rulesArbitrary = fc
  .integer({ min: 0, max: 60 })
  .map((divergenceThresholdMinutes) => ({ ...defaultWorkRules, divergenceThresholdMinutes }));

describe("calculateDailyRecord properties", () => {
  it("never throws for well-formed facts within 0–2880 and keeps every count a whole, non-negative minute", () => {
    fc.assert(
      fc.property(factsArbitrary, rulesArbitrary, (facts, rules) => {
        const record = calculateDailyRecord(facts, rules);
        const counts = [
          record.scheduledMinutes,
          record.workedMinutes,
          record.leaveMinutes,
          record.nightShiftMinutes,
          record.holidayWorkMinutes,
          ...Object.values(record.overtime),
        ];
        for (const count of counts) {
          expect(Number.isInteger(count)).toBe(true);
          expect(count).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("makes the buckets sum to the overtime minutes", () => {
    fc.assert(
      fc.property(factsArbitrary, rulesArbitrary, (facts, rules) => {
        const record = calculateDailyRecord(facts, rules);
        const sum = overtimeBuckets.reduce((total, bucket) => total + record.overtime[bucket], 0);
        expect(sum).toBe(record.overtimeMinutes);
      }),
    );
  });

  it("never counts more overtime, 夜勤 or 休日勤務 than was worked", () => {
    fc.assert(
      fc.property(factsArbitrary, rulesArbitrary, (facts, rules) => {
        const record = calculateDailyRecord(facts, rules);
        expect(record.overtimeMinutes).toBeLessThanOrEqual(record.workedMinutes);
        expect(record.nightShiftMinutes).toBeLessThanOrEqual(record.workedMinutes);
        expect(record.holidayWorkMinutes + record.overtimeMinutes).toBeLessThanOrEqual(record.workedMinutes);
        expect(record.leaveMinutes).toBeLessThanOrEqual(record.scheduledMinutes);
      }),
    );
  });

  it("gives the same record for the same facts and leaves the facts untouched", () => {
    fc.assert(
      fc.property(factsArbitrary, rulesArbitrary, (facts, rules) => {
        const copy = structuredClone(facts);
        const first = calculateDailyRecord(facts, rules);
        expect(calculateDailyRecord(copy, rules)).toEqual(first);
        expect(facts).toEqual(copy);
      }),
    );
  });

  it("counts nothing worked and no overtime when a punch is missing", () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const record = calculateDailyRecord({ ...facts, clockOut: null }, defaultWorkRules);
        expect(record.workedMinutes).toBe(0);
        expect(record.overtimeMinutes).toBe(0);
      }),
    );
  });
});
