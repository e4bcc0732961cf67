import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  formatLocalDate,
  fromEpochDay,
  isLocalDate,
  iterateLocalDates,
  parseLocalDate,
  toEpochDay,
  toLocalDate,
} from "./local-date";

const MS_PER_DAY = 86_400_000;
const arbitraryDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe("isLocalDate / parseLocalDate", () => {
  it.each(["2026-01-01", "2024-02-29", "2000-02-29", "1999-12-31"])("accepts %s", (value) => {
    expect(isLocalDate(value)).toBe(true);
  });

  it.each([
    "2025-02-29",
    "1900-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "2026-1-01",
    "20260101",
    "2026-01-01T00:00:00Z",
    " 2026-01-01",
  ])("rejects %s", (value) => {
    expect(isLocalDate(value)).toBe(false);
    expect(parseLocalDate(value)).toBeNull();
  });

  it("rejects values that are not strings", () => {
    expect(isLocalDate(20260101)).toBe(false);
    expect(isLocalDate(null)).toBe(false);
  });

  it("splits a date into numbers", () => {
    expect(parseLocalDate("2026-11-27")).toEqual({ year: 2026, month: 11, day: 27 });
  });

  it("formats parts and refuses impossible ones", () => {
    expect(formatLocalDate({ year: 2026, month: 4, day: 1 })).toBe("2026-04-01");
    expect(() => formatLocalDate({ year: 2026, month: 2, day: 30 })).toThrow(RangeError);
  });
});

describe("day arithmetic", () => {
  it("counts days from 1970-01-01", () => {
    expect(toEpochDay("1970-01-01")).toBe(0);
    expect(toEpochDay("1969-12-31")).toBe(-1);
    expect(toEpochDay("2000-03-01")).toBe(11_017);
    expect(fromEpochDay(20_454)).toBe("2026-01-01");
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
  });

  it("names weekdays with 0 for Sunday", () => {
    expect(dayOfWeek("2026-11-29")).toBe(0);
    expect(dayOfWeek("2026-11-27")).toBe(5);
    expect(dayOfWeek("2026-11-28")).toBe(6);
    expect(dayOfWeek("1970-01-01")).toBe(4);
  });

  it("compares and measures dates", () => {
    expect(compareLocalDates("2026-03-31", "2026-04-01")).toBe(-1);
    expect(compareLocalDates("2026-04-01", "2026-04-01")).toBe(0);
    expect(compareLocalDates("2027-01-01", "2026-12-31")).toBe(1);
    expect(daysBetween("2026-04-01", "2027-03-31")).toBe(364);
    expect(daysBetween("2024-03-01", "2024-02-01")).toBe(-29);
  });

  it("iterates a range with both ends included", () => {
    expect([...iterateLocalDates("2024-02-27", "2024-03-01")]).toEqual([
      "2024-02-27",
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
    ]);
    expect([...iterateLocalDates("2026-01-02", "2026-01-01")]).toEqual([]);
  });

  it("throws RangeError on a malformed date", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => dayOfWeek("tomorrow")).toThrow(RangeError);
  });

  it("round-trips addDays and daysBetween (property)", () => {
    fc.assert(
      fc.property(arbitraryDate, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        const moved = addDays(date, days);
        expect(isLocalDate(moved)).toBe(true);
        expect(daysBetween(date, moved)).toBe(days);
        expect(addDays(moved, -days)).toBe(date);
      }),
    );
  });

  it("agrees with the UTC calendar of Date on day counts and weekdays (property)", () => {
    fc.assert(
      fc.property(arbitraryDate, (date) => {
        const utc = Date.parse(`${date}T00:00:00Z`);
        expect(toEpochDay(date)).toBe(utc / MS_PER_DAY);
        expect(dayOfWeek(date)).toBe(new Date(utc).getUTCDay());
        expect(fromEpochDay(toEpochDay(date))).toBe(date);
      }),
    );
  });
});

describe("toLocalDate", () => {
  it("uses the Japanese date, not the UTC one", () => {
    expect(toLocalDate("2026-03-31T14:59:59.999Z")).toBe("2026-03-31");
    expect(toLocalDate("2026-03-31T15:00:00Z")).toBe("2026-04-01");
    expect(toLocalDate(new Date("2025-12-31T15:00:00.000Z"))).toBe("2026-01-01");
  });

  it("honours the written offset", () => {
    expect(toLocalDate("2026-04-01T00:00:00+09:00")).toBe("2026-04-01");
    expect(toLocalDate("2026-03-31T23:59:59+09:00")).toBe("2026-03-31");
    expect(toLocalDate("2026-03-31T10:00:00-05:00")).toBe("2026-04-01");
    expect(toLocalDate("2026-03-31 06:00:00+0000")).toBe("2026-03-31");
    expect(toLocalDate("2026-03-31T15:00:00.123456Z")).toBe("2026-04-01");
  });

  it("refuses instants without an offset or that are invalid", () => {
    expect(() => toLocalDate("2026-04-01T00:00:00")).toThrow(RangeError);
    expect(() => toLocalDate("2026-04-01")).toThrow(RangeError);
    expect(() => toLocalDate("2026-02-30T00:00:00Z")).toThrow(RangeError);
    expect(() => toLocalDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("matches Intl's Asia/Tokyo date for any instant (property)", () => {
    const format = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1960-01-01T00:00:00Z"),
          max: new Date("2099-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (instant) => {
          expect(toLocalDate(instant)).toBe(format.format(instant));
          expect(toLocalDate(instant.toISOString())).toBe(format.format(instant));
        },
      ),
    );
  });
});
