import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateMonth, type BucketTierAmounts } from "./aggregate-month";
import type { DailyRecord } from "./daily-record-types";
import { buildDailyRecord } from "./month-records.fixture";
import { roundBucketMinutes } from "./round-bucket-minutes";
import { defaultWorkRules, type OvertimeBucket, overtimeBuckets } from "./work-rules";

const rules = defaultWorkRules;
const rest = { dayKind: "weeklyRest" } as const;
const zeroTiers = { upTo60: 0, over60: 0 };
const allZero: BucketTierAmounts = {
  weekdayDay: zeroTiers,
  weekdayNight: zeroTiers,
  restDayDay: zeroTiers,
  restDayNight: zeroTiers,
  sundayDay: zeroTiers,
  sundayNight: zeroTiers,
  holidayDay: zeroTiers,
  holidayNight: zeroTiers,
};

/*
 * A 62-hour October 2026 (10/12 is スポーツの日, so no overtime that Monday).
 * Weekdays: 3 h day overtime (180) on 12 days; 1 h night overtime (60) on 8 of them. Saturdays: 6 h (360).
 * Sundays: 4 h on 10/4 and 3 h on 10/25, outside the 60 hours.
 *   10/1  Thu 180 + 60 → 240      10/9  Fri 180 + 60 → 2,040
 *   10/2  Fri 180 + 60 → 480      10/10 Sat 360      → 2,400
 *   10/3  Sat 360      → 840      10/13 Tue 180      → 2,580
 *   10/4  Sun (240, not counted)  10/14 Wed 180      → 2,760
 *   10/5  Mon 180 + 60 → 1,080    10/15 Thu 180      → 2,940
 *   10/6  Tue 180 + 60 → 1,320    10/16 Fri 180      → 3,120
 *   10/7  Wed 180 + 60 → 1,560    10/17 Sat 360      → 3,480
 *   10/8  Thu 180 + 60 → 1,800    10/19 Mon 180 + 60 → 3,720 (62 h)
 *   10/25 Sun (180, not counted)
 * On 10/19, 3,600 − 3,480 = 120 minutes remain below the line: the day bucket takes them first (120 upTo60,
 * 60 over60), then the night hour is all over60. The 61st hour begins on 10/19.
 *   weekdayDay   upTo60 11 × 180 + 120 = 2,100 (35 h)   over60 60 (1 h)
 *   weekdayNight upTo60  7 × 60        =   420 (7 h)    over60 60 (1 h)
 *   restDayDay   upTo60  3 × 360       = 1,080 (18 h)   over60 0
 *   sundayDay    upTo60  240 + 180     =   420 (7 h)    over60 0
 */
const weekdayWithNight = { weekdayDay: 180, weekdayNight: 60 };
const sixtyTwoHourOctober: DailyRecord[] = [
  buildDailyRecord("2026-10-25", { sundayDay: 180 }, rest),
  buildDailyRecord("2026-10-19", weekdayWithNight),
  buildDailyRecord("2026-10-01", weekdayWithNight),
  buildDailyRecord("2026-10-02", weekdayWithNight),
  buildDailyRecord("2026-10-03", { restDayDay: 360 }, rest),
  buildDailyRecord("2026-10-04", { sundayDay: 240 }, rest),
  buildDailyRecord("2026-10-05", weekdayWithNight),
  buildDailyRecord("2026-10-06", weekdayWithNight),
  buildDailyRecord("2026-10-07", weekdayWithNight),
  buildDailyRecord("2026-10-08", weekdayWithNight),
  buildDailyRecord("2026-10-09", weekdayWithNight),
  buildDailyRecord("2026-10-10", { restDayDay: 360 }, rest),
  buildDailyRecord("2026-10-13", { weekdayDay: 180 }),
  buildDailyRecord("2026-10-14", { weekdayDay: 180 }),
  buildDailyRecord("2026-10-15", { weekdayDay: 180 }),
  buildDailyRecord("2026-10-16", { weekdayDay: 180 }),
  buildDailyRecord("2026-10-17", { restDayDay: 360 }, rest),
];

describe("aggregateMonth", () => {
  it("splits a 62-hour month at the 61st hour on 2026-10-19, day overtime before night, Sunday outside the count", () => {
    const totals = aggregateMonth(sixtyTwoHourOctober, rules);
    expect(totals.minutes).toEqual({
      ...allZero,
      weekdayDay: { upTo60: 2100, over60: 60 },
      weekdayNight: { upTo60: 420, over60: 60 },
      restDayDay: { upTo60: 1080, over60: 0 },
      sundayDay: { upTo60: 420, over60: 0 },
    });
    expect(totals.hours).toEqual({
      ...allZero,
      weekdayDay: { upTo60: 35, over60: 1 },
      weekdayNight: { upTo60: 7, over60: 1 },
      restDayDay: { upTo60: 18, over60: 0 },
      sundayDay: { upTo60: 7, over60: 0 },
    });
    expect(totals.over60StartedOn).toBe("2026-10-19");
    // 3,720 counted toward the line + 420 on Sundays = 4,140, all of it 時間外勤務 for the caps.
    expect(totals.thresholdMinutes).toBe(3720);
    expect(totals.overtimeMinutes).toBe(4140);
    expect(totals.capMinutes).toBe(4140);
  });

  it("keeps a month of exactly 60 counted hours below the line, however much Sunday work follows", () => {
    // 20 October weekdays (10/12 is a holiday) × 180 = 3,600 = the line exactly; the Sunday's 300 are not counted.
    const weekdays = [1, 2, 5, 6, 7, 8, 9, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29];
    const records = [
      ...weekdays.map((day) =>
        buildDailyRecord(`2026-10-${String(day).padStart(2, "0")}`, { weekdayDay: 180 }),
      ),
      buildDailyRecord("2026-10-25", { sundayDay: 240, sundayNight: 60 }, rest),
    ];
    const totals = aggregateMonth(records, rules);
    expect(totals.minutes.weekdayDay).toEqual({ upTo60: 3600, over60: 0 });
    expect(totals.minutes.sundayDay).toEqual({ upTo60: 240, over60: 0 });
    expect(totals.minutes.sundayNight).toEqual({ upTo60: 60, over60: 0 });
    expect(totals.over60StartedOn).toBeNull();
  });

  it("dates the 61st hour on the next day worked when a day ends exactly on the line", () => {
    // The 62-hour October up to 10/17 counts 3,480; Saturday 10/24 adds 120 → 3,600 exactly, all below the line.
    // Monday 10/26's 30 minutes are the first beyond it.
    const records = [
      ...sixtyTwoHourOctober.filter((record) => record.date <= "2026-10-17"),
      buildDailyRecord("2026-10-24", { restDayDay: 120 }, rest),
      buildDailyRecord("2026-10-26", { weekdayDay: 30 }),
    ];
    const totals = aggregateMonth(records, rules);
    expect(totals.minutes.restDayDay).toEqual({ upTo60: 1200, over60: 0 });
    expect(totals.minutes.weekdayDay).toEqual({ upTo60: 1980, over60: 30 });
    expect(totals.over60StartedOn).toBe("2026-10-26");
  });

  it("rounds a bucket once a month: ten 20-minute days are 200 minutes, 3 h, not 10 × 0 h", () => {
    // 10 × 20 = 200 = 3 h 20 min; 20 < 30 → 3 h. Per day, 20 < 30 would give 0 h each.
    const days = ["01", "02", "05", "06", "07", "08", "09", "13", "14", "15"];
    const records = days.map((day) => buildDailyRecord(`2026-10-${day}`, { weekdayDay: 20 }));
    const totals = aggregateMonth(records, rules);
    expect(totals.minutes.weekdayDay).toEqual({ upTo60: 200, over60: 0 });
    expect(totals.hours.weekdayDay).toEqual({ upTo60: 3, over60: 0 });
  });

  it("sums and rounds 夜勤 and 休日勤務 minutes once for the month", () => {
    // 夜勤: 420 + 420 + 150 = 990 = 16 h 30 min → 17 h. 休日勤務: 465 + 465 = 930 = 15 h 30 min → 16 h.
    const records = [
      buildDailyRecord("2026-09-07", {}, { nightShiftMinutes: 420 }),
      buildDailyRecord("2026-09-08", {}, { nightShiftMinutes: 420 }),
      buildDailyRecord(
        "2026-09-21",
        {},
        { dayKind: "holiday", holidayWorkMinutes: 465, nightShiftMinutes: 150 },
      ),
      buildDailyRecord("2026-09-22", {}, { dayKind: "holiday", holidayWorkMinutes: 465 }),
    ];
    const totals = aggregateMonth(records, rules);
    expect(totals).toMatchObject({
      nightShiftMinutes: 990,
      nightShiftHours: 17,
      holidayWorkMinutes: 930,
      holidayWorkHours: 16,
      overtimeMinutes: 0,
    });
  });

  it("returns zero totals for a month without records", () => {
    const totals = aggregateMonth([], rules);
    expect(totals.minutes).toEqual(allZero);
    expect(totals.hours).toEqual(allZero);
    expect(totals.over60StartedOn).toBeNull();
  });

  it("applies a town's own threshold", () => {
    // A 45-hour line: 2,400 + 600 = 3,000; 2,700 − 2,400 = 300 of the second day below, 300 beyond.
    const records = [
      buildDailyRecord("2026-10-01", { weekdayDay: 2400 }),
      buildDailyRecord("2026-10-02", { weekdayDay: 600 }),
    ];
    const totals = aggregateMonth(records, { ...rules, monthlyThresholdMinutes: 2700 });
    expect(totals.minutes.weekdayDay).toEqual({ upTo60: 2700, over60: 300 });
    expect(totals.over60StartedOn).toBe("2026-10-02");
  });

  it("refuses records from two months, two records of one date, and a total that is not its buckets' sum", () => {
    const october = buildDailyRecord("2026-10-30", { weekdayDay: 60 });
    expect(() => aggregateMonth([october, buildDailyRecord("2026-11-02", {})], rules)).toThrow(RangeError);
    expect(() => aggregateMonth([october, october], rules)).toThrow(RangeError);
    expect(() => aggregateMonth([{ ...october, overtimeMinutes: 61 }], rules)).toThrow(RangeError);
  });
});

const bucketMinutes = fc.record(
  Object.fromEntries(overtimeBuckets.map((bucket) => [bucket, fc.nat({ max: 300 })])),
  { requiredKeys: [] },
);
const monthRecords = fc.uniqueArray(fc.integer({ min: 1, max: 31 }), { maxLength: 31 }).chain((days) =>
  fc.tuple(...days.map((day) => bucketMinutes.map((minutes) => ({ day, minutes })))).map((entries) =>
    entries.map(({ day, minutes }) =>
      buildDailyRecord(`2026-10-${String(day).padStart(2, "0")}`, minutes, {
        nightShiftMinutes: day * 7,
        holidayWorkMinutes: day % 3 === 0 ? 465 : 0,
      }),
    ),
  ),
);
const threshold = fc.integer({ min: 0, max: 6000 });

function sumBucket(records: readonly DailyRecord[], bucket: OvertimeBucket): number {
  return records.reduce((sum, record) => sum + record.overtime[bucket], 0);
}

describe("aggregateMonth properties", () => {
  it("keeps every bucket's minutes: upTo60 + over60 is the bucket's sum over the days", () => {
    fc.assert(
      fc.property(monthRecords, threshold, (records, line) => {
        const totals = aggregateMonth(records, { ...rules, monthlyThresholdMinutes: line });
        for (const bucket of overtimeBuckets) {
          const { upTo60, over60 } = totals.minutes[bucket];
          expect(upTo60 + over60).toBe(sumBucket(records, bucket));
        }
      }),
    );
  });

  it("never counts more than the threshold below the line, and crosses it only when the month does", () => {
    fc.assert(
      fc.property(monthRecords, threshold, (records, line) => {
        const totals = aggregateMonth(records, { ...rules, monthlyThresholdMinutes: line });
        const counted = overtimeBuckets.filter((bucket) => !bucket.startsWith("sunday"));
        const upTo60 = counted.reduce((sum, bucket) => sum + totals.minutes[bucket].upTo60, 0);
        expect(upTo60).toBeLessThanOrEqual(line);
        expect(totals.minutes.sundayDay.over60 + totals.minutes.sundayNight.over60).toBe(0);
        expect(totals.over60StartedOn !== null).toBe(totals.thresholdMinutes > line);
      }),
    );
  });

  it("gives the same totals from the same records in any order", () => {
    const shuffled = monthRecords.chain((records) =>
      fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length })),
    );
    fc.assert(
      fc.property(shuffled, ([records, reordered]) => {
        expect(aggregateMonth(reordered, rules)).toEqual(aggregateMonth(records, rules));
      }),
    );
  });

  it("rounds once: each rounded value is the rounding of the month's exact minutes", () => {
    fc.assert(
      fc.property(monthRecords, (records) => {
        const totals = aggregateMonth(records, rules);
        for (const bucket of overtimeBuckets) {
          expect(totals.hours[bucket].upTo60).toBe(roundBucketMinutes(totals.minutes[bucket].upTo60, rules));
          expect(totals.hours[bucket].over60).toBe(roundBucketMinutes(totals.minutes[bucket].over60, rules));
        }
        expect(totals.nightShiftHours).toBe(roundBucketMinutes(totals.nightShiftMinutes, rules));
        expect(totals.holidayWorkHours).toBe(roundBucketMinutes(totals.holidayWorkMinutes, rules));
      }),
    );
  });
});
