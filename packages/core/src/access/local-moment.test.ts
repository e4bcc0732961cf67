import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInstantMs, readLocalMoment } from "./local-moment";

function formatWithOffset(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, "0");
  const minutes = String(absolute % 60).padStart(2, "0");
  return `${local}${sign}${hours}:${minutes}`;
}

describe("parseInstantMs", () => {
  it("agrees with Date.parse on ISO instants with any offset", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 2), max: Date.UTC(2200, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (epochMs, offsetMinutes) => {
          const instant = formatWithOffset(epochMs, offsetMinutes);
          expect(parseInstantMs(instant)).toBe(epochMs);
          expect(parseInstantMs(new Date(epochMs).toISOString())).toBe(epochMs);
        },
      ),
    );
  });

  const readable: [string, string][] = [
    ["2026-09-24T10:00+09:00", "2026-09-24T01:00:00.000Z"],
    ["2026-09-24 10:00:30+0900", "2026-09-24T01:00:30.000Z"],
    ["2026-09-24t01:00:00.5z", "2026-09-24T01:00:00.500Z"],
    ["2026-09-24T01:00:00.123456789Z", "2026-09-24T01:00:00.123Z"],
    ["2026-09-24T10:00:00+09", "2026-09-24T01:00:00.000Z"],
    ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"],
    ["0050-01-01T00:00:00Z", "0050-01-01T00:00:00.000Z"],
  ];
  for (const [instant, iso] of readable) {
    it(`reads ${instant} as ${iso}`, () => {
      expect(parseInstantMs(instant)).toBe(Date.parse(iso));
    });
  }

  const unreadable = [
    "2026-09-24T10:00:00",
    "2026-09-24",
    "2026-02-29T10:00:00Z",
    "2026-09-31T10:00:00Z",
    "2026-13-01T10:00:00Z",
    "2026-09-24T24:00:00Z",
    "2026-09-24T10:60:00Z",
    "2026-09-24T10:00:60Z",
    "2026-09-24T10:00:00.Z",
    "2026-09-24T10:00:00.1234567890Z",
    "2026-09-24T10:00:00+24:00",
    "2026-09-24T10:00:00+09:0",
    "2026-09-24T10:00:00Zjunk",
    "+02026-09-24T10:00:00Z",
    "２０２６-09-24T10:00:00Z",
    "",
  ];
  for (const instant of unreadable) {
    it(`refuses ${JSON.stringify(instant)}`, () => {
      expect(parseInstantMs(instant)).toBeNull();
    });
  }
});

describe("readLocalMoment", () => {
  it("places 2026-09-21T15:00Z at 00:00 on 2026-09-22 in Japan, a holiday", () => {
    expect(readLocalMoment("2026-09-21T15:00:00Z", [])).toEqual({
      epochMs: Date.parse("2026-09-21T15:00:00Z"),
      date: "2026-09-22",
      minute: 0,
      dayKind: "holiday",
    });
  });

  it("puts the last millisecond of a day in minute 1439", () => {
    expect(readLocalMoment("2026-09-24T14:59:59.999Z", [])).toMatchObject({
      date: "2026-09-24",
      minute: 1439,
    });
  });

  it("knows no day outside 1980–2099, where national holidays are not computed", () => {
    expect(readLocalMoment("1979-12-31T14:59:59Z", [])).toBeNull();
    expect(readLocalMoment("1979-12-31T15:00:00Z", [])).toMatchObject({ date: "1980-01-01" });
    expect(readLocalMoment("2099-12-31T14:59:59Z", [])).toMatchObject({ date: "2099-12-31" });
    expect(readLocalMoment("2099-12-31T15:00:00Z", [])).toBeNull();
  });
});
