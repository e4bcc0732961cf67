import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choosePunch, defaultPunchRule, type PunchRecord } from "./choose-punch";

const inAt = (at: string): PunchRecord => ({ punch: "in", at });
const outAt = (at: string): PunchRecord => ({ punch: "out", at });

describe("choosePunch", () => {
  it.each<[string, PunchRecord | null, string, "in" | "out", "no_clock_in" | null]>([
    ["a first tap at 08:29 clocks in", null, "2026-11-27T08:29:00+09:00", "in", null],
    [
      "a tap at 17:20 after an 08:29 clock-in clocks out",
      inAt("2026-11-27T08:29:00+09:00"),
      "2026-11-27T17:20:00+09:00",
      "out",
      null,
    ],
    [
      "a night shift in at 22:00 clocks out at 06:10 the next day",
      inAt("2026-11-27T22:00:00+09:00"),
      "2026-11-28T06:10:00+09:00",
      "out",
      null,
    ],
    [
      "a first tap at 17:30 clocks out without a clock-in",
      null,
      "2026-11-27T17:30:00+09:00",
      "out",
      "no_clock_in",
    ],
    [
      "a tap at 17:30 after yesterday's departure clocks out without a clock-in",
      outAt("2026-11-26T17:45:00+09:00"),
      "2026-11-27T17:30:00+09:00",
      "out",
      "no_clock_in",
    ],
    [
      "a later departure after an earlier one the same day is a plain clock-out",
      outAt("2026-11-27T17:20:00+09:00"),
      "2026-11-27T18:05:00+09:00",
      "out",
      null,
    ],
    [
      "a tap at 04:50 belongs to the previous work day, so it is a departure",
      null,
      "2026-11-28T04:50:00+09:00",
      "out",
      "no_clock_in",
    ],
    [
      "a tap at 04:50 after a 17:20 departure the evening before is a later departure",
      outAt("2026-11-27T17:20:00+09:00"),
      "2026-11-28T04:50:00+09:00",
      "out",
      null,
    ],
    ["a tap at 05:00 begins a new work day and clocks in", null, "2026-11-28T05:00:00+09:00", "in", null],
    ["a tap at 14:59 is still an arrival", null, "2026-11-27T14:59:59+09:00", "in", null],
    ["a tap at exactly 15:00 is a departure", null, "2026-11-27T15:00:00+09:00", "out", "no_clock_in"],
    [
      "coming back from lunch after a noon departure clocks in again",
      outAt("2026-11-27T12:00:00+09:00"),
      "2026-11-27T13:00:00+09:00",
      "in",
      null,
    ],
    [
      "a clock-in older than 16 hours is closed, so a morning tap clocks in",
      inAt("2026-11-26T08:30:00+09:00"),
      "2026-11-27T08:31:00+09:00",
      "in",
      null,
    ],
    [
      "a clock-in from yesterday morning left open does not count as today's arrival",
      inAt("2026-11-26T08:30:00+09:00"),
      "2026-11-27T17:30:00+09:00",
      "out",
      "no_clock_in",
    ],
    [
      "a clock-in earlier the same work day but past 16 hours still counts as the arrival",
      inAt("2026-11-27T05:10:00+09:00"),
      "2026-11-28T04:30:00+09:00",
      "out",
      null,
    ],
    ["instants written in UTC are read in Japan's time", null, "2026-11-26T23:29:00Z", "in", null],
  ])("%s", (_name, last, at, punch, note) => {
    expect(choosePunch(last, at)).toEqual({ punch, note });
  });

  it("follows other rule options when given", () => {
    const options = { openShiftHours: 12, firstTapOutAfterMinute: 12 * 60, dayBoundaryMinute: 4 * 60 };
    expect(choosePunch(null, "2026-11-27T11:59:00+09:00", options)).toEqual({ punch: "in", note: null });
    expect(choosePunch(null, "2026-11-27T12:00:00+09:00", options)).toEqual({
      punch: "out",
      note: "no_clock_in",
    });
    expect(choosePunch(inAt("2026-11-26T20:00:00+09:00"), "2026-11-27T08:30:00+09:00", options)).toEqual({
      punch: "in",
      note: null,
    });
  });

  it("refuses an instant written without an offset", () => {
    expect(() => choosePunch(null, "2026-11-27T08:29:00")).toThrow(RangeError);
  });
});

const instantMs = fc.integer({
  min: Date.parse("2000-01-01T00:00:00Z"),
  max: Date.parse("2099-12-31T00:00:00Z"),
});
const lastPunch = fc.option(
  fc.record({
    punch: fc.constantFrom<"in" | "out">("in", "out"),
    at: instantMs.map((ms) => new Date(ms).toISOString()),
  }),
);

describe("choosePunch properties", () => {
  it("never throws for instants with offsets and gives the same answer twice", () => {
    fc.assert(
      fc.property(lastPunch, instantMs, (last, atMs) => {
        const at = new Date(atMs).toISOString();
        const first = choosePunch(last, at);
        expect(choosePunch(last, at)).toEqual(first);
        expect(["in", "out"]).toContain(first.punch);
        if (first.punch === "in") expect(first.note).toBeNull();
      }),
    );
  });

  it("always clocks out after a clock-in less than 16 hours earlier", () => {
    const maxMs = defaultPunchRule.openShiftHours * 3_600_000 - 1;
    fc.assert(
      fc.property(instantMs, fc.integer({ min: 0, max: maxMs }), (atMs, elapsedMs) => {
        const last = inAt(new Date(atMs - elapsedMs).toISOString());
        expect(choosePunch(last, new Date(atMs).toISOString())).toEqual({ punch: "out", note: null });
      }),
    );
  });

  it("reads the same instant the same way whatever offset it is written with", () => {
    fc.assert(
      fc.property(lastPunch, instantMs, (last, atMs) => {
        const utc = new Date(atMs).toISOString();
        const tokyo = `${new Date(atMs + 9 * 3_600_000).toISOString().slice(0, 23)}+09:00`;
        expect(choosePunch(last, tokyo)).toEqual(choosePunch(last, utc));
      }),
    );
  });
});
