import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workDayStartOf } from "./work-day";

describe("workDayStartOf", () => {
  it.each([
    ["2026-11-27T08:29:00+09:00", "2026-11-26T20:00:00.000Z"],
    ["2026-11-27T05:00:00+09:00", "2026-11-26T20:00:00.000Z"],
    ["2026-11-27T23:59:59+09:00", "2026-11-26T20:00:00.000Z"],
    ["2026-11-27T04:50:00+09:00", "2026-11-25T20:00:00.000Z"],
    ["2026-11-26T19:59:59.999Z", "2026-11-25T20:00:00.000Z"],
    ["2027-01-01T00:30:00+09:00", "2026-12-30T20:00:00.000Z"],
    ["2028-03-01T04:59:00+09:00", "2028-02-28T20:00:00.000Z"],
  ])("puts %s in the work day that began at %s", (at, start) => {
    expect(workDayStartOf(at)).toBe(start);
  });

  it("turns the day over at another boundary when asked", () => {
    expect(workDayStartOf("2026-11-27T02:30:00+09:00", 0)).toBe("2026-11-26T15:00:00.000Z");
    expect(workDayStartOf("2026-11-27T02:30:00+09:00", 3 * 60)).toBe("2026-11-25T18:00:00.000Z");
  });

  it("refuses an instant written without an offset", () => {
    expect(() => workDayStartOf("2026-11-27T08:29:00")).toThrow(RangeError);
  });

  it("always begins at most a day before the instant, at the local boundary", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2099-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (date) => {
          const start = Date.parse(workDayStartOf(date.toISOString()));
          const elapsed = date.getTime() - start;
          expect(elapsed).toBeGreaterThanOrEqual(0);
          expect(elapsed).toBeLessThan(86_400_000);
          expect(new Date(start + 9 * 3_600_000).toISOString().slice(11)).toBe("05:00:00.000Z");
        },
      ),
    );
  });
});
