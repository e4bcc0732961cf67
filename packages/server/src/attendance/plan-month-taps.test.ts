import {
  calculateDailyRecord,
  collectDayPunches,
  dayOfWeek,
  defaultWorkRules,
  type RawTap,
  standardPattern,
  toLocalDate,
} from "@tobira/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { UnchainedAccessEvent } from "../access-events/access-event-chain";
import { listMonthDates } from "./month-dates";
import { type MonthTapPlan, planMonthTaps } from "./plan-month-taps";
import { createSeededRandom } from "./seeded-random";

const readers = {
  terminalReaderId: 6,
  entry: { readerId: 1, doorId: 1, side: "entry" },
  exit: { readerId: 8, doorId: 1, side: "exit" },
  dayOffEntry: { readerId: 2, doorId: 2, side: "entry" },
} as const;

// October 2026: 12 October is スポーツの日; the 3rd, 10th, 17th, 24th and 31st are Saturdays.
const october = (overrides: Partial<MonthTapPlan> = {}): MonthTapPlan => ({
  staffId: 42,
  month: "2026-10",
  skipDates: ["2026-10-12"],
  readers,
  random: createSeededRandom(7),
  ...overrides,
});

const tokyoMinute = (instant: string) => {
  const ms = Date.parse(instant) + 9 * 3_600_000;
  return Math.floor((ms % 86_400_000) / 60_000);
};
// A work day runs from 05:00 to 05:00 the next morning.
const workDayOf = (instant: string) => toLocalDate(new Date(Date.parse(instant) - 5 * 3_600_000));

function groupByWorkDay(events: readonly UnchainedAccessEvent[]): Map<string, UnchainedAccessEvent[]> {
  const days = new Map<string, UnchainedAccessEvent[]>();
  for (const event of events) {
    const date = workDayOf(event.occurred_at);
    days.set(date, [...(days.get(date) ?? []), event]);
  }
  return days;
}

const punches = (events: readonly UnchainedAccessEvent[], punch: "in" | "out") =>
  events.filter((event) => event.kind === "punch" && event.punch === punch);

const isWorkday = (date: string, skipped: readonly string[]) =>
  dayOfWeek(date) >= 1 && dayOfWeek(date) <= 5 && !skipped.includes(date);

function toRawTaps(events: readonly UnchainedAccessEvent[]): RawTap[] {
  return events.map((event) =>
    event.kind === "punch"
      ? {
          eventId: event.event_id,
          at: event.occurred_at,
          kind: "punch",
          punch: event.punch === "in" ? "in" : "out",
        }
      : { eventId: event.event_id, at: event.occurred_at, kind: "door", granted: event.granted === 1 },
  );
}

describe("a planned month of taps", () => {
  it("gives every workday one 出勤 and one 退勤 between a door entry and a door exit, and nothing else", () => {
    const events = planMonthTaps(october());
    const days = groupByWorkDay(events);
    const workdays = listMonthDates("2026-10").filter((date) => isWorkday(date, ["2026-10-12"]));
    expect(workdays).toHaveLength(21);
    expect([...days.keys()]).toEqual(workdays);
    for (const date of workdays) {
      const day = days.get(date) ?? [];
      expect(day.map((event) => event.kind)).toEqual(["decision", "punch", "punch", "decision"]);
      const [doorIn, clockIn, clockOut, doorOut] = day.map((event) => event.occurred_at);
      expect([doorIn, clockIn, clockOut, doorOut]).toEqual([doorIn, clockIn, clockOut, doorOut].sort());
      expect(punches(day, "in")).toHaveLength(1);
      expect(punches(day, "out")).toHaveLength(1);
    }
  });

  it("clocks in from 8:15 to 8:29 and out after 17:15, within the work day", () => {
    const events = planMonthTaps(october({ lateEveningShare: 0.3 }));
    const ins = punches(events, "in").map((event) => tokyoMinute(event.occurred_at));
    const outs = punches(events, "out").map((event) => tokyoMinute(event.occurred_at));
    for (const minute of ins) expect(minute).toSatisfy((m: number) => m >= 8 * 60 + 15 && m <= 8 * 60 + 29);
    for (const minute of outs)
      expect(minute).toSatisfy(
        (m: number) => (m >= 17 * 60 + 16 && m <= 17 * 60 + 40) || (m >= 19 * 60 && m <= 21 * 60),
      );
    expect(outs.filter((minute) => minute >= 19 * 60).length).toBeGreaterThan(0);
  });

  it("computes an ordinary month through core with no problem to resolve", () => {
    const events = planMonthTaps(october({ random: createSeededRandom(123) }));
    const taps = toRawTaps(events);
    const holiday = "2026-10-12";
    const weekdaySchedule = standardPattern.days[1] ?? null;
    for (const date of listMonthDates("2026-10")) {
      const day = collectDayPunches(taps, date, { dayBoundaryMinute: 5 * 60, source: "terminal" });
      const weekday = dayOfWeek(date);
      const record = calculateDailyRecord(
        {
          date,
          dayKind: weekday === 0 || weekday === 6 ? "weeklyRest" : date === holiday ? "holiday" : "workday",
          sunday: weekday === 0,
          scheduled: isWorkday(date, [holiday]) ? weekdaySchedule : null,
          clockIn: day.clockIn,
          clockOut: day.clockOut,
          presence: day.presence,
          leave: [],
          orders: [],
          holidayWork: null,
          divergenceReason: null,
        },
        defaultWorkRules,
      );
      expect({ date, problems: record.problems }).toEqual({ date, problems: [] });
    }
  });

  it("gives the same taps, event ids included, for the same seed and other taps for another", () => {
    const once = planMonthTaps(october({ random: createSeededRandom(2026) }));
    const again = planMonthTaps(october({ random: createSeededRandom(2026) }));
    const other = planMonthTaps(october({ random: createSeededRandom(2027) }));
    expect(again).toEqual(once);
    expect(other.map((event) => event.occurred_at)).not.toEqual(once.map((event) => event.occurred_at));
  });

  it("names every tap with its own UUID and the holder, through the readers it was given", () => {
    const events = [...planMonthTaps(october({ staffId: 1 })), ...planMonthTaps(october({ staffId: 2 }))];
    const ids = events.map((event) => event.event_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const first = events.find((event) => event.holder_id === "staff:2" && event.kind === "decision");
    expect(first).toMatchObject({
      reader_id: 1,
      door_id: 1,
      direction: "entry",
      granted: 1,
      reason: "granted",
    });
    const punch = events.find((event) => event.kind === "punch");
    expect(punch).toMatchObject({ reader_id: 6, door_id: null, granted: null, holder_id: "staff:1" });
    expect(punch?.credential_key).toEqual(expect.any(String));
  });

  it("leaves out the 退勤 of a forgotten clock-out but still sees the person leave", () => {
    const events = planMonthTaps(october({ missingClockOutOn: "2026-10-14" }));
    const day = groupByWorkDay(events).get("2026-10-14") ?? [];
    expect(punches(day, "in")).toHaveLength(1);
    expect(punches(day, "out")).toHaveLength(0);
    expect(day.filter((event) => event.direction === "exit")).toHaveLength(1);
    expect(punches(events, "out")).toHaveLength(20);
  });

  it("adds a Saturday's work through the day-off entrance", () => {
    const events = planMonthTaps(october({ saturdayWorkOn: "2026-10-17" }));
    const day = groupByWorkDay(events).get("2026-10-17") ?? [];
    expect(punches(day, "in")).toHaveLength(1);
    expect(punches(day, "out")).toHaveLength(1);
    expect(day.find((event) => event.direction === "entry")?.reader_id).toBe(2);
    expect(groupByWorkDay(events).has("2026-10-24")).toBe(false);
  });

  it("makes the named evenings late and stops after the last date asked for", () => {
    const events = planMonthTaps(october({ lateEvenings: ["2026-10-07"], until: "2026-10-15" }));
    const days = groupByWorkDay(events);
    const late = punches(days.get("2026-10-07") ?? [], "out")[0];
    expect(tokyoMinute(late?.occurred_at ?? "")).toBeGreaterThanOrEqual(19 * 60);
    expect([...days.keys()].at(-1)).toBe("2026-10-15");
  });

  it("keeps every skipped date and every Sunday free of taps, whatever the seed and the month", () => {
    const plans = fc.record({
      seed: fc.integer(),
      month: fc.constantFrom("2026-01", "2026-05", "2026-09", "2026-12", "2027-02"),
      skipDay: fc.integer({ min: 1, max: 28 }),
      missingDay: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(plans, ({ seed, month, skipDay, missingDay }) => {
        const skipped = `${month}-${String(skipDay).padStart(2, "0")}`;
        const missing = `${month}-${String(missingDay).padStart(2, "0")}`;
        const days = groupByWorkDay(
          planMonthTaps({
            staffId: 9,
            month,
            skipDates: [skipped],
            readers,
            random: createSeededRandom(seed),
            lateEveningShare: 0.2,
            missingClockOutOn: missing,
          }),
        );
        for (const date of listMonthDates(month)) {
          const day = days.get(date) ?? [];
          expect(punches(day, "in")).toHaveLength(isWorkday(date, [skipped]) ? 1 : 0);
          expect(punches(day, "out")).toHaveLength(isWorkday(date, [skipped]) && date !== missing ? 1 : 0);
        }
      }),
      { numRuns: 50 },
    );
  });
});
