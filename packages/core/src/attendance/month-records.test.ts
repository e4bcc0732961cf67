import { describe, expect, it } from "vitest";
import { sortMonthRecords } from "./month-records";
import { buildDailyRecord } from "./month-records.fixture";

describe("sortMonthRecords", () => {
  it("puts one month's records in date order", () => {
    const records = ["2026-10-19", "2026-10-01", "2026-10-05"].map((date) => buildDailyRecord(date, {}));
    expect(sortMonthRecords(records).map((record) => record.date)).toEqual([
      "2026-10-01",
      "2026-10-05",
      "2026-10-19",
    ]);
  });

  it("refuses records from two months", () => {
    const records = [buildDailyRecord("2026-10-31", {}), buildDailyRecord("2026-11-01", {})];
    expect(() => sortMonthRecords(records)).toThrow(RangeError);
  });

  it("refuses two records of one date", () => {
    const records = [buildDailyRecord("2026-10-05", {}), buildDailyRecord("2026-10-05", { weekdayDay: 30 })];
    expect(() => sortMonthRecords(records)).toThrow(RangeError);
  });

  it("refuses negative or fractional minutes and a total that is not the buckets' sum", () => {
    const record = buildDailyRecord("2026-10-05", { weekdayDay: 30 });
    expect(() => sortMonthRecords([{ ...record, overtimeMinutes: 31 }])).toThrow(RangeError);
    expect(() => sortMonthRecords([{ ...record, nightShiftMinutes: -1 }])).toThrow(RangeError);
    expect(() => sortMonthRecords([buildDailyRecord("2026-10-05", { weekdayNight: 0.5 })])).toThrow(
      RangeError,
    );
  });
});
