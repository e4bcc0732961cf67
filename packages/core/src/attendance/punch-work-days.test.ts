import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RawTap } from "./punch-taps";
import { groupTapsByWorkDay } from "./punch-work-days";

const punchIn = (eventId: string, at: string): RawTap => ({ eventId, at, kind: "punch", punch: "in" });
const punchOut = (eventId: string, at: string): RawTap => ({ eventId, at, kind: "punch", punch: "out" });
const door = (eventId: string, at: string): RawTap => ({ eventId, at, kind: "door", granted: true });

const idsByDay = (taps: RawTap[], boundary = 300): Record<string, string[]> =>
  Object.fromEntries(
    [...groupTapsByWorkDay(taps, boundary)].map(([date, dayTaps]) => [
      date,
      dayTaps.map((tap) => tap.eventId),
    ]),
  );

// Instants are UTC; Asia/Tokyo is UTC+9 and the work day turns over at 05:00 JST (20:00Z the day before).
describe("groupTapsByWorkDay", () => {
  it.each<[string, RawTap[], Record<string, string[]>]>([
    [
      "puts 04:50 in the previous work day and 05:00 in the new one",
      [
        punchOut("a", "2026-11-27T19:50:00Z"), // 04:50 JST on the 28th → work day 27th
        punchIn("b", "2026-11-27T20:00:00Z"), // 05:00 JST on the 28th → work day 28th
      ],
      { "2026-11-27": ["a"], "2026-11-28": ["b"] },
    ],
    [
      "keeps a night shift's clock-out and the exit just after it on the day the shift began",
      [
        door("d1", "2026-11-27T12:50:00Z"), // 21:50 JST on the 27th
        punchIn("p1", "2026-11-27T12:55:00Z"), // 21:55
        punchOut("p2", "2026-11-27T22:05:00Z"), // 07:05 on the 28th: 9 h 10 min after the in, under 16 h
        door("d2", "2026-11-27T22:07:00Z"), // 07:07: 2 min after the out, 5 h 53 min before the next in
        door("d3", "2026-11-28T03:55:00Z"), // 12:55: 5 min before the next in → the 28th's
        punchIn("p3", "2026-11-28T04:00:00Z"), // 13:00 on the 28th
        punchOut("p4", "2026-11-28T08:00:00Z"), // 17:00
      ],
      { "2026-11-27": ["d1", "p1", "p2", "d2"], "2026-11-28": ["d3", "p3", "p4"] },
    ],
    [
      "leaves a clock-out with the next day when the last clock-in is more than 16 hours before it",
      [
        punchIn("p1", "2026-11-26T23:30:00Z"), // 08:30 on the 27th, no clock-out that day
        punchOut("p2", "2026-11-28T08:15:00Z"), // 17:15 on the 28th: 32 h 45 min later
      ],
      { "2026-11-27": ["p1"], "2026-11-28": ["p2"] },
    ],
    [
      "does not carry a morning tap back when the day before ended with a clock-out",
      [
        punchIn("p1", "2026-11-26T23:30:00Z"), // 08:30 on the 27th
        punchOut("p2", "2026-11-27T08:15:00Z"), // 17:15
        door("d1", "2026-11-27T22:07:00Z"), // 07:07 on the 28th
      ],
      { "2026-11-27": ["p1", "p2"], "2026-11-28": ["d1"] },
    ],
    [
      "keeps a replacement with the tap it replaces across the boundary",
      [
        punchOut("p1", "2026-11-27T19:59:58Z"), // 04:59:58 JST → work day 27th
        { ...punchIn("p2", "2026-11-27T20:00:03Z"), replacesEventId: "p1" }, // 05:00:03, replaces p1
      ],
      { "2026-11-27": ["p1", "p2"] },
    ],
  ])("%s", (_name, taps, expected) => {
    expect(idsByDay(taps)).toEqual(expected);
  });

  it("uses the boundary it is given", () => {
    // 04:50 JST on the 28th: before a 05:00 boundary it is the 27th's, after a midnight boundary the 28th's.
    const taps = [punchOut("a", "2026-11-27T19:50:00Z")];
    expect(idsByDay(taps, 300)).toEqual({ "2026-11-27": ["a"] });
    expect(idsByDay(taps, 0)).toEqual({ "2026-11-28": ["a"] });
  });

  it.each<[string, RawTap[], number]>([
    ["a repeated eventId", [door("a", "2026-11-27T01:00:00Z"), door("a", "2026-11-27T02:00:00Z")], 300],
    ["an instant without an offset", [door("a", "2026-11-27T10:00:00")], 300],
    ["a punch without in/out", [{ eventId: "a", at: "2026-11-27T01:00:00Z", kind: "punch" }], 300],
    ["a door tap without its decision", [{ eventId: "a", at: "2026-11-27T01:00:00Z", kind: "door" }], 300],
    ["a boundary past the end of the day", [], 1440],
  ])("refuses %s", (_name, taps, boundary) => {
    expect(() => groupTapsByWorkDay(taps, boundary)).toThrow(RangeError);
  });
});

const baseMs = Date.parse("2026-11-25T20:00:00Z");
const tapsArbitrary = fc
  .array(
    fc.record({
      minute: fc.integer({ min: 0, max: 4 * 1440 }),
      kind: fc.constantFrom("punch", "door"),
      punch: fc.constantFrom("in", "out"),
      replaces: fc.option(fc.nat({ max: 30 }), { nil: undefined }),
    }),
    { maxLength: 30 },
  )
  .map((specs) =>
    specs.map((spec, index): RawTap => {
      const at = new Date(baseMs + spec.minute * 60_000).toISOString();
      if (spec.kind === "door") return { eventId: `e${index}`, at, kind: "door", granted: true };
      const replacesEventId = spec.replaces === undefined ? undefined : `e${spec.replaces}`;
      return { eventId: `e${index}`, at, kind: "punch", punch: spec.punch, replacesEventId };
    }),
  );

describe("groupTapsByWorkDay properties", () => {
  it("puts every tap in exactly one work day", () => {
    fc.assert(
      fc.property(tapsArbitrary, (taps) => {
        const grouped = [...groupTapsByWorkDay(taps, 300).values()].flat().map((tap) => tap.eventId);
        expect(grouped.sort()).toEqual(taps.map((tap) => tap.eventId).sort());
      }),
    );
  });

  it("groups one work day's taps again into that same day alone", () => {
    fc.assert(
      fc.property(tapsArbitrary, (taps) => {
        for (const [date, dayTaps] of groupTapsByWorkDay(taps, 300)) {
          expect([...groupTapsByWorkDay(dayTaps, 300)]).toEqual([[date, dayTaps]]);
        }
      }),
    );
  });
});
