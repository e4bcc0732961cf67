import { formatLocalDate, fromEpochDay } from "@tobira/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseImportDate } from "./parse-import-date";

describe("parseImportDate", () => {
  it.each([
    ["2026-04-01", "2026-04-01"],
    ["2026/04/01", "2026-04-01"],
    ["2026/4/1", "2026-04-01"],
    ["2026.4.1", "2026-04-01"],
    ["20260401", "2026-04-01"],
    ["2026年4月1日", "2026-04-01"],
    ["２０２６／４／１", "2026-04-01"],
    ["2026/4/1 0:00", "2026-04-01"],
    [" 2026-04-01 ", "2026-04-01"],
    ["R8.4.1", "2026-04-01"],
    ["r08.04.01", "2026-04-01"],
    ["令和8年4月1日", "2026-04-01"],
    ["令和元年5月1日", "2019-05-01"],
    ["H31.4.30", "2019-04-30"],
    ["平成8年4月1日", "1996-04-01"],
    ["S60.4.1", "1985-04-01"],
    ["2024-02-29", "2024-02-29"],
  ])("reads %s as %s", (text, expected) => {
    expect(parseImportDate(text)).toBe(expected);
  });

  it.each([
    "2026-02-30",
    "2025-02-29",
    "2026/13/01",
    "2026-4",
    "R8.2.30",
    "平成31年5月1日",
    "R1.4.30",
    "令和0年4月1日",
    "X8.4.1",
    "04/01/2026",
    "2026/4/1 9:30",
    "",
    "昨日",
  ])("refuses %s", (text) => {
    expect(parseImportDate(text)).toBeNull();
  });

  it("reads every date back from 'YYYY/M/D'", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 60_000 }), (epochDay) => {
        const date = fromEpochDay(epochDay);
        const [year, month, day] = date.split("-").map(Number);
        expect(parseImportDate(`${year}/${month}/${day}`)).toBe(date);
        expect(formatLocalDate({ year: year ?? 0, month: month ?? 0, day: day ?? 0 })).toBe(date);
      }),
    );
  });
});
