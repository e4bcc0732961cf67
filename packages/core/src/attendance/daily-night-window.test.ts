import { describe, expect, it } from "vitest";
import { listNightRanges, selectNightRanges } from "./daily-night-window";
import { sumRangeMinutes } from "./minute-ranges";
import { defaultWorkRules } from "./work-rules";

const night = defaultWorkRules.night;

describe("the night window", () => {
  it.each([
    // 17:15–23:30 = 1035–1410: night from 22:00 = 1320, so 1410 − 1320 = 90.
    ["17:15–23:30 holds 90 night minutes", 1035, 1410, 90],
    // 22:00–7:00 = 1320–1860: night to 5:00 the next morning = 1740, 1740 − 1320 = 420.
    ["22:00–7:00 across midnight holds 420", 1320, 1860, 420],
    // 0:00–5:00 of the day itself is night too: 0–300 = 300.
    ["0:00–8:00 holds the 300 minutes before 5:00", 0, 480, 300],
    // Two nights: 1320–1740 = 420 and 2760–2880 = 120.
    ["22:00 to midnight the day after holds 420 + 120", 1320, 2880, 540],
    ["a day shift holds none", 510, 1035, 0],
  ])("%s", (_name, start, end, minutes) => {
    expect(sumRangeMinutes(listNightRanges({ start, end }, night))).toBe(minutes);
  });

  it("follows a window that does not wrap past midnight", () => {
    // A 0:00–6:00 window over 23:00–7:00 (1380–1860): 1440–1800 = 360.
    const window = { startMinute: 0, endMinute: 360 };
    expect(sumRangeMinutes(listNightRanges({ start: 1380, end: 1860 }, window))).toBe(360);
  });

  it("selects the night part of several ranges", () => {
    // 21:00–23:00 and 4:00–6:00 next day: 60 + 60.
    const ranges = [
      { start: 1260, end: 1380 },
      { start: 1680, end: 1800 },
    ];
    expect(sumRangeMinutes(selectNightRanges(ranges, night))).toBe(120);
  });

  it("throws RangeError for a window outside a day's minutes", () => {
    expect(() => listNightRanges({ start: 0, end: 60 }, { startMinute: 1500, endMinute: 300 })).toThrow(
      RangeError,
    );
  });
});
