import { describe, expect, it } from "vitest";
import { formatWareki, formatWarekiMonth, toWareki, type WarekiStyle } from "./wareki";

describe("toWareki", () => {
  it.each([
    ["2026-11-27", "令和", "Reiwa", 8],
    ["2019-05-01", "令和", "Reiwa", 1],
    ["2019-04-30", "平成", "Heisei", 31],
    ["1989-01-08", "平成", "Heisei", 1],
    ["1989-01-07", "昭和", "Showa", 64],
    ["1926-12-25", "昭和", "Showa", 1],
    ["1926-12-24", "大正", "Taisho", 15],
    ["1912-07-30", "大正", "Taisho", 1],
    ["1912-07-29", "明治", "Meiji", 45],
    ["1868-10-23", "明治", "Meiji", 1],
  ])("puts %s in %s %i", (date, era, eraEn, year) => {
    const [, month, day] = date.split("-").map(Number);
    expect(toWareki(date)).toEqual({ era, eraEn, year, month, day });
  });

  it("refuses dates before Meiji and malformed dates", () => {
    expect(() => toWareki("1868-10-22")).toThrow(RangeError);
    expect(() => toWareki("2026-02-29")).toThrow(RangeError);
  });
});

describe("formatWareki", () => {
  const cases: [string, WarekiStyle, string][] = [
    ["2026-11-27", "long", "令和8年11月27日"],
    ["2026-11-27", "short", "R8.11.27"],
    ["2026-11-27", "numeric", "08.11.27"],
    ["2027-01-05", "short", "R9.1.5"],
    ["2027-01-05", "numeric", "09.01.05"],
    ["2019-05-01", "long", "令和元年5月1日"],
    ["2019-05-01", "short", "R1.5.1"],
    ["2019-05-01", "numeric", "01.05.01"],
    ["2019-04-30", "long", "平成31年4月30日"],
    ["2019-04-30", "short", "H31.4.30"],
    ["1989-01-07", "long", "昭和64年1月7日"],
    ["1989-01-08", "long", "平成元年1月8日"],
    ["1975-06-15", "short", "S50.6.15"],
  ];

  it.each(cases)("writes %s in %s style as %s", (date, style, expected) => {
    expect(formatWareki(date, { style })).toBe(expected);
  });

  it("uses the long style by default", () => {
    expect(formatWareki("2026-04-01")).toBe("令和8年4月1日");
  });
});

describe("formatWarekiMonth", () => {
  it.each([
    ["2026-11", "令和8年11月"],
    ["2019-05", "令和元年5月"],
    ["2019-04", "平成31年4月"],
    ["1989-01", "昭和64年1月"],
  ])("writes %s as %s", (month, expected) => {
    expect(formatWarekiMonth(month)).toBe(expected);
  });

  it("refuses a malformed month", () => {
    expect(() => formatWarekiMonth("2026-13")).toThrow(RangeError);
    expect(() => formatWarekiMonth("2026-1")).toThrow(RangeError);
  });
});
