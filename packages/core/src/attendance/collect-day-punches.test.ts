import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CollectDayPunchesOptions, collectDayPunches, type DayPunches } from "./collect-day-punches";
import type { RawTap } from "./punch-taps";
import { groupTapsByWorkDay } from "./punch-work-days";

const punchIn = (eventId: string, at: string): RawTap => ({ eventId, at, kind: "punch", punch: "in" });
const punchOut = (eventId: string, at: string): RawTap => ({ eventId, at, kind: "punch", punch: "out" });
const door = (eventId: string, at: string, granted = true): RawTap => ({
  eventId,
  at,
  kind: "door",
  granted,
});
const terminalOnly: CollectDayPunchesOptions = { dayBoundaryMinute: 300, source: "terminal" };
const withDoors: CollectDayPunchesOptions = { dayBoundaryMinute: 300, source: "terminalAndDoors" };

// Instants are UTC; Asia/Tokyo is UTC+9, so 2026-11-25T23:27Z is 08:27 on 2026-11-26 in Japan.
describe("collectDayPunches", () => {
  it.each<[string, RawTap[], string, CollectDayPunchesOptions, DayPunches]>([
    [
      "reads an ordinary day's punches and door presence, ignoring a refused door tap",
      [
        door("d0", "2026-11-25T22:10:00Z", false), // 07:10 JST, refused: no presence
        door("d1", "2026-11-25T23:25:12Z"), // 08:25:12 → 8*60+25 = 505
        punchIn("p1", "2026-11-25T23:27:40Z"), // 08:27:40 → 8*60+27 = 507
        punchOut("p2", "2026-11-26T08:21:05Z"), // 17:21:05 → 17*60+21 = 1041
        door("d2", "2026-11-26T08:23:30Z"), // 17:23:30 → 17*60+23 = 1043
      ],
      "2026-11-26",
      terminalOnly,
      {
        date: "2026-11-26",
        clockIn: 507,
        clockOut: 1041,
        presence: { start: 505, end: 1043 },
        source: { clockIn: "terminal", clockOut: "terminal" },
      },
    ],
    [
      "takes the replacing punch's out for an in switched on the terminal seconds later",
      [
        punchIn("p1", "2026-11-25T23:30:00Z"), // 08:30 → 510
        punchIn("p2", "2026-11-26T08:20:00Z"), // 17:20:00 → 1040, tapped as in by mistake …
        { ...punchOut("p3", "2026-11-26T08:20:04Z"), replacesEventId: "p2" }, // … switched to out at 17:20:04
      ],
      "2026-11-26",
      terminalOnly,
      {
        date: "2026-11-26",
        clockIn: 510,
        clockOut: 1040, // the first tap's instant (17:20:00) with the replacement's out
        presence: null,
        source: { clockIn: "terminal", clockOut: "terminal" },
      },
    ],
    [
      "follows a chain of replacements to its latest one",
      [
        punchIn("p1", "2026-11-25T23:30:00Z"), // 08:30 → 510
        punchIn("p2", "2026-11-26T08:20:00Z"), // 17:20 → 1040
        { ...punchOut("p3", "2026-11-26T08:20:04Z"), replacesEventId: "p2" },
        { ...punchIn("p4", "2026-11-26T08:20:09Z"), replacesEventId: "p2" }, // switched back: in again
      ],
      "2026-11-26",
      terminalOnly,
      {
        date: "2026-11-26",
        clockIn: 510, // earliest in; 17:20 is an in again, so no out
        clockOut: null,
        presence: null,
        source: { clockIn: "terminal", clockOut: null },
      },
    ],
    [
      "keeps a night shift's clock-out the next morning on the day the shift began",
      [
        punchIn("p1", "2026-11-27T12:55:00Z"), // 21:55 JST on the 27th → 21*60+55 = 1315
        punchOut("p2", "2026-11-27T22:05:00Z"), // 07:05 JST on the 28th → 1440 + 7*60+5 = 1865
      ],
      "2026-11-27",
      terminalOnly,
      {
        date: "2026-11-27",
        clockIn: 1315,
        clockOut: 1865,
        presence: null,
        source: { clockIn: "terminal", clockOut: "terminal" },
      },
    ],
    [
      "leaves the morning after a night shift without punches",
      [punchIn("p1", "2026-11-27T12:55:00Z"), punchOut("p2", "2026-11-27T22:05:00Z")],
      "2026-11-28",
      terminalOnly,
      {
        date: "2026-11-28",
        clockIn: null,
        clockOut: null,
        presence: null,
        source: { clockIn: null, clockOut: null },
      },
    ],
    [
      "puts a tap at 04:50 in the previous work day",
      [
        punchIn("p1", "2026-11-26T23:30:00Z"), // 08:30 on the 27th → 510
        punchOut("p2", "2026-11-27T19:50:00Z"), // 04:50 on the 28th, before the 05:00 boundary → 1440 + 290 = 1730
      ],
      "2026-11-27",
      terminalOnly,
      {
        date: "2026-11-27",
        clockIn: 510,
        clockOut: 1730,
        presence: null,
        source: { clockIn: "terminal", clockOut: "terminal" },
      },
    ],
    [
      "keeps the earliest of two clock-ins and the latest clock-out",
      [
        punchIn("p1", "2026-11-25T23:31:00Z"), // 08:31 → 511
        punchIn("p2", "2026-11-25T23:40:00Z"), // 08:40 → 520
        punchOut("p3", "2026-11-26T08:15:00Z"), // 17:15 → 1035
        punchIn("p4", "2026-11-26T09:00:00Z"), // 18:00: back in after the out
        punchOut("p5", "2026-11-26T10:30:00Z"), // 19:30 → 1170
      ],
      "2026-11-26",
      terminalOnly,
      {
        date: "2026-11-26",
        clockIn: 511,
        clockOut: 1170,
        presence: null,
        source: { clockIn: "terminal", clockOut: "terminal" },
      },
    ],
    [
      "takes first entry and last exit as punches on a door-only day when the town counts doors",
      [
        door("d1", "2026-11-25T23:20:00Z"), // 08:20 → 500
        door("d2", "2026-11-26T03:05:00Z"), // 12:05 → 725
        door("d3", "2026-11-26T08:40:00Z"), // 17:40 → 1060
      ],
      "2026-11-26",
      withDoors,
      {
        date: "2026-11-26",
        clockIn: 500,
        clockOut: 1060,
        presence: { start: 500, end: 1060 },
        source: { clockIn: "door", clockOut: "door" },
      },
    ],
    [
      "keeps a door-only day without punches when the town counts terminals only",
      [door("d1", "2026-11-25T23:20:00Z"), door("d3", "2026-11-26T08:40:00Z")],
      "2026-11-26",
      terminalOnly,
      {
        date: "2026-11-26",
        clockIn: null,
        clockOut: null,
        presence: { start: 500, end: 1060 },
        source: { clockIn: null, clockOut: null },
      },
    ],
    [
      "fills only the missing clock-out from the last door tap",
      [
        door("d1", "2026-11-25T23:20:00Z"), // 08:20 → 500
        punchIn("p1", "2026-11-25T23:29:00Z"), // 08:29 → 509
        door("d2", "2026-11-26T08:40:00Z"), // 17:40 → 1060
      ],
      "2026-11-26",
      withDoors,
      {
        date: "2026-11-26",
        clockIn: 509,
        clockOut: 1060,
        presence: { start: 500, end: 1060 },
        source: { clockIn: "terminal", clockOut: "door" },
      },
    ],
    [
      "does not make a single door tap both the entry and the exit",
      [door("d1", "2026-11-25T23:20:00Z")], // 08:20 → 500
      "2026-11-26",
      withDoors,
      {
        date: "2026-11-26",
        clockIn: 500,
        clockOut: null,
        presence: { start: 500, end: 500 },
        source: { clockIn: "door", clockOut: null },
      },
    ],
    [
      "adds a missing clock-out from an approved correction",
      [punchIn("p1", "2026-11-25T23:30:00Z")], // 08:30 → 510
      "2026-11-26",
      { ...terminalOnly, correction: { date: "2026-11-26", clockOut: 17 * 60 + 15 } }, // 17:15 → 1035
      {
        date: "2026-11-26",
        clockIn: 510,
        clockOut: 1035,
        presence: null,
        source: { clockIn: "terminal", clockOut: "correction" },
      },
    ],
    [
      "clears a punch a correction sets to null, and leaves alone a punch it does not name",
      [
        punchIn("p1", "2026-11-25T23:30:00Z"), // 08:30 → 510
        punchOut("p2", "2026-11-26T10:00:00Z"), // 19:00, a stray tap HR struck out
        door("d1", "2026-11-26T10:01:00Z"), // 19:01 → 1141: a door does not refill a cleared punch
      ],
      "2026-11-26",
      { ...withDoors, correction: { date: "2026-11-26", clockOut: null } },
      {
        date: "2026-11-26",
        clockIn: 510,
        clockOut: null,
        presence: { start: 1141, end: 1141 },
        source: { clockIn: "terminal", clockOut: "correction" },
      },
    ],
    [
      "leaves the clock-out missing when it falls before any clock-in",
      [
        punchOut("p1", "2026-11-25T23:30:00Z"), // 08:30 out: cannot close a day not yet begun
        punchIn("p2", "2026-11-26T08:15:00Z"), // 17:15 → 1035
      ],
      "2026-11-26",
      terminalOnly,
      {
        date: "2026-11-26",
        clockIn: 1035,
        clockOut: null,
        presence: null,
        source: { clockIn: "terminal", clockOut: null },
      },
    ],
  ])("%s", (_name, taps, date, options, expected) => {
    expect(collectDayPunches(taps, date, options)).toEqual(expected);
  });

  it("refuses a correction meant for another date", () => {
    expect(() =>
      collectDayPunches([], "2026-11-26", {
        ...terminalOnly,
        correction: { date: "2026-11-27", clockIn: 510 },
      }),
    ).toThrow(RangeError);
  });

  it("refuses a date that is not a calendar date", () => {
    expect(() => collectDayPunches([], "2026-02-30", terminalOnly)).toThrow(RangeError);
  });
});

const baseMs = Date.parse("2026-11-25T20:00:00Z"); // 05:00 JST on 2026-11-26, a work day's start
const tapsArbitrary = fc
  .array(
    fc.record({
      minute: fc.integer({ min: 0, max: 3 * 1440 }),
      second: fc.integer({ min: 0, max: 59 }),
      kind: fc.constantFrom("punch", "door"),
      punch: fc.constantFrom("in", "out"),
      granted: fc.boolean(),
      replaces: fc.option(fc.nat({ max: 30 }), { nil: undefined }),
    }),
    { maxLength: 30 },
  )
  .map((specs) =>
    specs.map((spec, index): RawTap => {
      const at = new Date(baseMs + spec.minute * 60_000 + spec.second * 1000).toISOString();
      if (spec.kind === "door") return { eventId: `e${index}`, at, kind: "door", granted: spec.granted };
      const replacesEventId = spec.replaces === undefined ? undefined : `e${spec.replaces}`;
      return { eventId: `e${index}`, at, kind: "punch", punch: spec.punch, replacesEventId };
    }),
  );
const datesArbitrary = fc.constantFrom("2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28");
const optionsArbitrary = fc.record({
  dayBoundaryMinute: fc.constantFrom(0, 300, 240),
  source: fc.constantFrom<"terminal" | "terminalAndDoors">("terminal", "terminalAndDoors"),
});

describe("collectDayPunches properties", () => {
  it("gives the same result whatever the order of the taps", () => {
    fc.assert(
      fc.property(
        tapsArbitrary.chain((taps) =>
          fc.tuple(fc.constant(taps), fc.shuffledSubarray(taps, { minLength: taps.length })),
        ),
        datesArbitrary,
        optionsArbitrary,
        ([taps, shuffled], date, options) => {
          expect(collectDayPunches(shuffled, date, options)).toEqual(collectDayPunches(taps, date, options));
        },
      ),
    );
  });

  it("never clocks out before it clocks in, keeps presence in order and names the source of every punch", () => {
    fc.assert(
      fc.property(tapsArbitrary, datesArbitrary, optionsArbitrary, (taps, date, options) => {
        const day = collectDayPunches(taps, date, options);
        if (day.clockIn !== null && day.clockOut !== null)
          expect(day.clockOut).toBeGreaterThanOrEqual(day.clockIn);
        if (day.presence !== null) expect(day.presence.end).toBeGreaterThanOrEqual(day.presence.start);
        expect(day.source.clockIn === null).toBe(day.clockIn === null);
        expect(day.source.clockOut === null).toBe(day.clockOut === null);
      }),
    );
  });

  it("gives the same day from the work day's own taps as from all the taps around it", () => {
    fc.assert(
      fc.property(tapsArbitrary, optionsArbitrary, (taps, options) => {
        for (const [date, dayTaps] of groupTapsByWorkDay(taps, options.dayBoundaryMinute)) {
          expect(collectDayPunches(dayTaps, date, options)).toEqual(collectDayPunches(taps, date, options));
        }
      }),
    );
  });
});
