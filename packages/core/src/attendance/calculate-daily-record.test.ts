import { describe, expect, it } from "vitest";
import { calculateDailyRecord } from "./calculate-daily-record";
import { createEmptyOvertime } from "./daily-overtime-buckets";
import type { DailyRecord, DayFacts, DayProblem } from "./daily-record-types";
import { defaultWorkRules, type OvertimeBucket, type ScheduledDay } from "./work-rules";

// Minutes of the work day: 8:30 = 8 × 60 + 30 = 510; 7:00 the next morning = 24 × 60 + 7 × 60 = 1860.
const toMinute = (hours: number, minutes = 0) => hours * 60 + minutes;

// 8:30–17:15 with the 12:00–13:00 break: 1035 − 510 − 60 = 465 minutes.
const standardDay: ScheduledDay = {
  start: toMinute(8, 30),
  end: toMinute(17, 15),
  breaks: [{ start: toMinute(12), end: toMinute(13) }],
};

// 2026-11-26 is a Thursday, 2026-11-28 a Saturday, 2026-11-29 a Sunday, 2026-09-22 the 国民の休日.
function createFacts(overrides: Partial<DayFacts>): DayFacts {
  return {
    date: "2026-11-26",
    dayKind: "workday",
    sunday: false,
    scheduled: standardDay,
    clockIn: toMinute(8, 30),
    clockOut: toMinute(17, 15),
    presence: null,
    leave: [],
    orders: [],
    holidayWork: null,
    divergenceReason: null,
    ...overrides,
  };
}

function createOvertime(minutes: Partial<Record<OvertimeBucket, number>>): Record<OvertimeBucket, number> {
  return { ...createEmptyOvertime(), ...minutes };
}

const saturday: Partial<DayFacts> = {
  date: "2026-11-28",
  dayKind: "weeklyRest",
  sunday: false,
  scheduled: null,
};
const sunday: Partial<DayFacts> = {
  date: "2026-11-29",
  dayKind: "weeklyRest",
  sunday: true,
  scheduled: null,
};
const kokuminNoKyujitsu: Partial<DayFacts> = { date: "2026-09-22", dayKind: "holiday" };

type Expected = Partial<Omit<DailyRecord, "overtime">> & {
  overtime?: Partial<Record<OvertimeBucket, number>>;
};

function expectRecord(facts: DayFacts, expected: Expected): void {
  const record = calculateDailyRecord(facts, defaultWorkRules);
  const { overtime, ...rest } = expected;
  expect(record).toMatchObject(rest);
  if (overtime !== undefined) expect(record.overtime).toEqual(createOvertime(overtime));
}

describe("calculateDailyRecord on an ordinary workday", () => {
  it.each<[string, Partial<DayFacts>, Expected]>([
    [
      // 8:25–17:20 punched; the 5 minutes each side are arrival and departure (10 ≤ 30), not work:
      // worked = 1035 − 510 − 60 = 465.
      "counts an 8:25–17:20 day without an order as the 465 scheduled minutes and reports nothing",
      { clockIn: toMinute(8, 25), clockOut: toMinute(17, 20) },
      { scheduledMinutes: 465, workedMinutes: 465, overtimeMinutes: 0, overtime: {}, problems: [] },
    ],
    [
      // Order 17:15–20:00 = 1200 − 1035 = 165 worked; 20:00–20:05 is a 5-minute departure margin (≤ 30).
      // worked = 465 + 165 = 630.
      "puts ordered 17:15–20:00 into weekdayDay and lets a 20:05 clock-out pass as departure",
      { clockOut: toMinute(20, 5), orders: [{ start: toMinute(17, 15), end: toMinute(20) }] },
      { workedMinutes: 630, overtimeMinutes: 165, overtime: { weekdayDay: 165 }, problems: [] },
    ],
    [
      // 8:25 in and 20:05 out around an order to 20:00: margins 5 + 5 = 10 ≤ 30, still nothing to report.
      "lets 5 minutes before the start and 5 after the order's end pass together",
      {
        clockIn: toMinute(8, 25),
        clockOut: toMinute(20, 5),
        orders: [{ start: toMinute(17, 15), end: toMinute(20) }],
      },
      { workedMinutes: 630, overtime: { weekdayDay: 165 }, problems: [] },
    ],
    [
      // Out at 20:40 after an order to 20:00: 40 unordered minutes > 30, so all 40 are reported and worked.
      // worked = 465 + 165 + 40 = 670; overtime stays the ordered 165.
      "reports 40 minutes worked past the order's end as overtime without an order",
      { clockOut: toMinute(20, 40), orders: [{ start: toMinute(17, 15), end: toMinute(20) }] },
      {
        workedMinutes: 670,
        overtimeMinutes: 165,
        overtime: { weekdayDay: 165 },
        problems: [{ kind: "overtime_without_order", minutes: 40 }],
      },
    ],
    [
      // No order, out at 18:15: 1095 − 1035 = 60 unordered minutes > 30.
      "reports an hour stayed after 17:15 without an order",
      { clockOut: toMinute(18, 15) },
      { workedMinutes: 525, overtimeMinutes: 0, problems: [{ kind: "overtime_without_order", minutes: 60 }] },
    ],
    [
      // Order 17:15–23:30 worked: 17:15–22:00 = 1320 − 1035 = 285 day, 22:00–23:30 = 1410 − 1320 = 90 night.
      "splits ordered overtime into the night at 22:00",
      { clockOut: toMinute(23, 30), orders: [{ start: toMinute(17, 15), end: toMinute(23, 30) }] },
      { overtimeMinutes: 375, overtime: { weekdayDay: 285, weekdayNight: 90 }, problems: [] },
    ],
    [
      // Order 7:30–8:30 before the start, worked from 7:30: 60 weekdayDay (5:00–22:00 is day).
      "counts ordered time before the scheduled start as overtime",
      { clockIn: toMinute(7, 30), orders: [{ start: toMinute(7, 30), end: toMinute(8, 30) }] },
      { workedMinutes: 525, overtime: { weekdayDay: 60 }, problems: [] },
    ],
    [
      // An order 16:00–18:00 overlapping the schedule: only 17:15–18:00 = 45 is overtime.
      "never counts scheduled time as overtime even when an order covers it",
      { clockOut: toMinute(18), orders: [{ start: toMinute(16), end: toMinute(18) }] },
      { overtimeMinutes: 45, overtime: { weekdayDay: 45 }, problems: [] },
    ],
    [
      // Ordered 17:15–20:00 but left at 18:00: only the 45 minutes worked count.
      "counts only the ordered minutes actually worked",
      { clockOut: toMinute(18), orders: [{ start: toMinute(17, 15), end: toMinute(20) }] },
      { workedMinutes: 510, overtime: { weekdayDay: 45 }, problems: [] },
    ],
  ])("%s", (_name, overrides, expected) => expectRecord(createFacts(overrides), expected));
});

describe("calculateDailyRecord on rest days and 休日", () => {
  it.each<[string, Partial<DayFacts>, Expected]>([
    [
      // Saturday 9:00–12:00 ordered and worked: 720 − 540 = 180.
      "puts ordered Saturday work into restDayDay",
      { ...saturday, clockIn: toMinute(9), clockOut: toMinute(12), orders: [{ start: 540, end: 720 }] },
      { scheduledMinutes: 0, workedMinutes: 180, overtime: { restDayDay: 180 }, problems: [] },
    ],
    [
      "puts ordered Sunday work into sundayDay, outside the 60 hours",
      { ...sunday, clockIn: toMinute(9), clockOut: toMinute(12), orders: [{ start: 540, end: 720 }] },
      { scheduledMinutes: 0, workedMinutes: 180, overtime: { sundayDay: 180 }, problems: [] },
    ],
    [
      // Saturday 21:00–23:00 ordered: 21:00–22:00 = 60 day, 22:00–23:00 = 60 night.
      "splits ordered Saturday evening work at 22:00",
      { ...saturday, clockIn: toMinute(21), clockOut: toMinute(23), orders: [{ start: 1260, end: 1380 }] },
      { overtime: { restDayDay: 60, restDayNight: 60 }, problems: [] },
    ],
    [
      // Any punched time on a rest day without an order is unordered from the first minute: 550 − 540 = 10.
      "reports 10 minutes on a Saturday without an order",
      { ...saturday, clockIn: toMinute(9), clockOut: toMinute(9, 10) },
      { workedMinutes: 10, overtimeMinutes: 0, problems: [{ kind: "overtime_without_order", minutes: 10 }] },
    ],
    [
      "reports nothing on a Saturday without punches",
      { ...saturday, clockIn: null, clockOut: null },
      { scheduledMinutes: 0, workedMinutes: 0, problems: [] },
    ],
    [
      // 8:30–17:15 on the 休日 with pay: 465 scheduled minutes of 休日勤務, none owed, no overtime.
      "pays the scheduled hours worked on a 休日 as holiday work",
      { ...kokuminNoKyujitsu, holidayWork: "payment" },
      { scheduledMinutes: 0, workedMinutes: 465, holidayWorkMinutes: 465, overtimeMinutes: 0, problems: [] },
    ],
    [
      "leaves holiday work at 0 on a 休日 compensated by a 代休",
      { ...kokuminNoKyujitsu, holidayWork: "compensatoryDay" },
      { workedMinutes: 465, holidayWorkMinutes: 0, overtimeMinutes: 0, problems: [] },
    ],
    [
      "reports 465 minutes on a 休日 worked without a holiday-work order",
      { ...kokuminNoKyujitsu, holidayWork: null },
      {
        workedMinutes: 465,
        holidayWorkMinutes: 0,
        overtimeMinutes: 0,
        problems: [{ kind: "overtime_without_order", minutes: 465 }],
      },
    ],
    [
      // Only the holiday-work order authorises a 休日's scheduled hours; an overtime order over them does not.
      "does not let an overtime order stand in for the holiday-work order",
      { ...kokuminNoKyujitsu, holidayWork: null, orders: [{ start: 510, end: 1035 }] },
      {
        holidayWorkMinutes: 0,
        overtimeMinutes: 0,
        problems: [{ kind: "overtime_without_order", minutes: 465 }],
      },
    ],
    [
      // 17:15–19:00 ordered beyond the 休日's schedule: 1140 − 1035 = 105 holidayDay.
      "puts ordered time beyond a 休日's schedule into holidayDay",
      {
        ...kokuminNoKyujitsu,
        holidayWork: "payment",
        clockOut: toMinute(19),
        orders: [{ start: 1035, end: 1140 }],
      },
      { holidayWorkMinutes: 465, overtime: { holidayDay: 105 }, problems: [] },
    ],
    [
      // Swapped Saturday (週休日の振替) with the moved 8:30–17:15: owed 465, worked 465, no overtime;
      // the ordered 17:15–18:15 = 60 beyond it is weekday overtime, the day having become a workday.
      "treats a swapped Saturday as a workday",
      {
        ...saturday,
        scheduled: standardDay,
        holidayWork: "restDaySwap",
        clockOut: toMinute(18, 15),
        orders: [{ start: 1035, end: 1095 }],
      },
      { scheduledMinutes: 465, workedMinutes: 525, overtime: { weekdayDay: 60 }, problems: [] },
    ],
    [
      // A 休日 on which the person has no schedule is their rest day: ordered 9:00–12:00 = 180 restDayDay.
      "buckets a 休日 without a schedule for the person as a rest day",
      {
        ...kokuminNoKyujitsu,
        scheduled: null,
        clockIn: 540,
        clockOut: 720,
        orders: [{ start: 540, end: 720 }],
      },
      { overtime: { restDayDay: 180 }, holidayWorkMinutes: 0, problems: [] },
    ],
  ])("%s", (_name, overrides, expected) => expectRecord(createFacts(overrides), expected));
});

describe("calculateDailyRecord on night shifts and part-time patterns", () => {
  // 22:00–7:00 = 1320–1860 with the 1:00–2:00 break = 1500–1560: 540 − 60 = 480 scheduled.
  const nightShift: ScheduledDay = { start: 1320, end: 1860, breaks: [{ start: 1500, end: 1560 }] };
  // 9:00–13:00 = 540–780, no break: 240.
  const partTimeDay: ScheduledDay = { start: 540, end: 780, breaks: [] };

  it.each<[string, Partial<DayFacts>, Expected]>([
    [
      // Punched 21:55–7:05 (1315–1865): margins 5 + 5 = 10 ≤ 30. Night 22:00–5:00 = 1320–1740 = 420,
      // minus the break inside it 60 = 360 of 夜勤.
      "counts a 22:00–7:00 shift across midnight with 360 night-shift minutes",
      { scheduled: nightShift, clockIn: 1315, clockOut: 1865 },
      { scheduledMinutes: 480, workedMinutes: 480, nightShiftMinutes: 360, overtimeMinutes: 0, problems: [] },
    ],
    [
      // Ordered 7:00–8:00 the next morning after the shift (1860–1920): day overtime again after 5:00.
      "puts ordered time after a night shift's 7:00 end into weekdayDay",
      { scheduled: nightShift, clockIn: 1320, clockOut: 1920, orders: [{ start: 1860, end: 1920 }] },
      { workedMinutes: 540, overtime: { weekdayDay: 60 }, nightShiftMinutes: 360, problems: [] },
    ],
    [
      "owes nothing on a part-time appointee's Tuesday off and reports nothing",
      { date: "2026-11-24", scheduled: null, clockIn: null, clockOut: null },
      { scheduledMinutes: 0, workedMinutes: 0, overtimeMinutes: 0, problems: [] },
    ],
    [
      // Wednesday 8:58–13:02 against 9:00–13:00: margins 2 + 2 = 4 ≤ 30; worked 780 − 540 = 240.
      "counts a part-time appointee's Wednesday 8:58–13:02 as 240 minutes",
      { date: "2026-11-25", scheduled: partTimeDay, clockIn: 538, clockOut: 782 },
      { scheduledMinutes: 240, workedMinutes: 240, problems: [] },
    ],
    [
      // The person's own rest weekday worked with an order 9:00–11:00: 120 restDayDay.
      "puts ordered work on a part-time appointee's day off into restDayDay",
      {
        date: "2026-11-24",
        scheduled: null,
        clockIn: 540,
        clockOut: 660,
        orders: [{ start: 540, end: 660 }],
      },
      { scheduledMinutes: 0, overtime: { restDayDay: 120 }, problems: [] },
    ],
  ])("%s", (_name, overrides, expected) => expectRecord(createFacts(overrides), expected));
});

describe("calculateDailyRecord problems", () => {
  const missingIn: DayProblem = { kind: "missing_clock_in" };
  const missingOut: DayProblem = { kind: "missing_clock_out" };
  // Presence 7:30–18:40 around punches 8:30–17:15: 510 − 450 = 60 before, 1120 − 1035 = 85 after = 145.
  const longPresence = { start: toMinute(7, 30), end: toMinute(18, 40) };

  it.each<[string, Partial<DayFacts>, Expected]>([
    [
      "reports a missing clock-out and counts nothing worked",
      { clockIn: toMinute(8, 25), clockOut: null },
      { workedMinutes: 0, overtimeMinutes: 0, problems: [missingOut] },
    ],
    ["reports a missing clock-in", { clockIn: null, clockOut: toMinute(17, 20) }, { problems: [missingIn] }],
    [
      "reports both punches missing on a scheduled workday",
      { clockIn: null, clockOut: null },
      { problems: [missingIn, missingOut] },
    ],
    [
      "reports a missing clock-out on a rest day with a clock-in",
      { ...saturday, clockIn: toMinute(9), clockOut: null },
      { problems: [missingOut] },
    ],
    [
      "needs no punches on a whole-day leave",
      { clockIn: null, clockOut: null, leave: [{ start: 510, end: 1035 }] },
      { leaveMinutes: 465, workedMinutes: 0, problems: [] },
    ],
    [
      // Leave 8:30–12:00 = 720 − 510 = 210; worked 13:00–17:15 = 1035 − 780 = 255.
      "takes a half-day leave and the afternoon's work without problems",
      { clockIn: toMinute(13), clockOut: toMinute(17, 15), leave: [{ start: 510, end: 720 }] },
      { scheduledMinutes: 465, leaveMinutes: 210, workedMinutes: 255, problems: [] },
    ],
    [
      "still needs the punches when leave covers only part of the day",
      { clockIn: null, clockOut: null, leave: [{ start: 510, end: 720 }] },
      { leaveMinutes: 210, problems: [missingIn, missingOut] },
    ],
    [
      // Leave over the break counts only scheduled minutes: 8:30–17:15 minus 12:00–13:00 = 465.
      "does not count the break inside a leave",
      { clockIn: null, clockOut: null, leave: [{ start: 0, end: 2880 }] },
      { leaveMinutes: 465, problems: [] },
    ],
    [
      "reports 145 minutes of presence beyond the punches as a divergence",
      { presence: longPresence },
      { workedMinutes: 465, problems: [{ kind: "divergence", minutes: 145 }] },
    ],
    [
      "accepts the same presence when a reason is given",
      { presence: longPresence, divergenceReason: "自己研鑽" },
      { problems: [] },
    ],
    [
      // 8:00–17:15 presence: 510 − 480 = 30, not more than the 30-minute threshold.
      "accepts presence exactly at the threshold",
      { presence: { start: toMinute(8), end: toMinute(17, 15) } },
      { problems: [] },
    ],
    [
      "treats a blank reason as none",
      { presence: longPresence, divergenceReason: "  " },
      { problems: [{ kind: "divergence", minutes: 145 }] },
    ],
  ])("%s", (_name, overrides, expected) => expectRecord(createFacts(overrides), expected));

  it("throws RangeError for an order that ends before it starts", () => {
    const facts = createFacts({ orders: [{ start: 1200, end: 1035 }] });
    expect(() => calculateDailyRecord(facts, defaultWorkRules)).toThrow(RangeError);
  });

  it("throws RangeError for a clock-out before the clock-in", () => {
    const facts = createFacts({ clockIn: 600, clockOut: 500 });
    expect(() => calculateDailyRecord(facts, defaultWorkRules)).toThrow(RangeError);
  });

  it("throws RangeError for a fractional punch", () => {
    const facts = createFacts({ clockIn: 510.5 });
    expect(() => calculateDailyRecord(facts, defaultWorkRules)).toThrow(RangeError);
  });

  it("follows a town's own divergence threshold", () => {
    // 145 minutes is not more than a 150-minute threshold.
    const rules = { ...defaultWorkRules, divergenceThresholdMinutes: 150 };
    expect(calculateDailyRecord(createFacts({ presence: longPresence }), rules).problems).toEqual([]);
  });
});
