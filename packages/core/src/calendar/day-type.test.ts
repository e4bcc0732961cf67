import { describe, expect, it } from "vitest";
import { classifyDay, isSunday, isYearEndHoliday, listDays, type TownDay } from "./day-type";

describe("classifyDay", () => {
  it.each([
    ["2026-11-27", { kind: "workday", reason: "weekday" }],
    ["2026-11-28", { kind: "weeklyRest", reason: "saturday" }],
    ["2026-11-29", { kind: "weeklyRest", reason: "sunday" }],
    ["2026-11-23", { kind: "holiday", reason: "national_holiday", name: "勤労感謝の日" }],
    ["2026-05-06", { kind: "holiday", reason: "national_holiday", name: "休日" }],
    ["2026-09-22", { kind: "holiday", reason: "national_holiday", name: "休日" }],
    ["2026-01-01", { kind: "holiday", reason: "national_holiday", name: "元日" }],
    ["2026-01-02", { kind: "holiday", reason: "year_end", name: "年末年始" }],
    ["2025-12-29", { kind: "holiday", reason: "year_end", name: "年末年始" }],
    ["2025-12-26", { kind: "workday", reason: "weekday" }],
    ["2026-01-05", { kind: "workday", reason: "weekday" }],
  ])("classifies %s", (date, expected) => {
    expect(classifyDay(date, [])).toEqual(expected);
  });

  it("keeps a holiday on a weekend as a 週休日, with its name", () => {
    expect(classifyDay("2026-05-03", [])).toEqual({
      kind: "weeklyRest",
      reason: "sunday",
      name: "憲法記念日",
    });
    expect(classifyDay("2027-01-02", [])).toEqual({
      kind: "weeklyRest",
      reason: "saturday",
      name: "年末年始",
    });
    expect(classifyDay("2026-01-03", [])).toEqual({
      kind: "weeklyRest",
      reason: "saturday",
      name: "年末年始",
    });
  });

  it("lets a town holiday make any day a holiday", () => {
    const townDays: TownDay[] = [
      { date: "2026-08-14", kind: "holiday", name: "町制施行70周年記念日" },
      { date: "2026-08-15", kind: "holiday", name: "盆休み" },
    ];
    expect(classifyDay("2026-08-14", townDays)).toEqual({
      kind: "holiday",
      reason: "town_holiday",
      name: "町制施行70周年記念日",
    });
    expect(classifyDay("2026-08-15", townDays)).toEqual({
      kind: "holiday",
      reason: "town_holiday",
      name: "盆休み",
    });
  });

  it("lets a town workday make a holiday or weekend a workday", () => {
    const townDays: TownDay[] = [
      { date: "2026-11-23", kind: "workday", name: "町長選挙" },
      { date: "2026-12-29", kind: "workday", name: "システム移行" },
      { date: "2026-11-29", kind: "workday", name: "町民運動会" },
    ];
    expect(classifyDay("2026-11-23", townDays)).toEqual({
      kind: "workday",
      reason: "town_workday",
      name: "町長選挙",
    });
    expect(classifyDay("2026-12-29", townDays).kind).toBe("workday");
    expect(classifyDay("2026-11-29", townDays).reason).toBe("town_workday");
    expect(classifyDay("2026-11-24", townDays)).toEqual({ kind: "workday", reason: "weekday" });
  });

  it("uses the last town day given for a date", () => {
    const townDays: TownDay[] = [
      { date: "2026-10-30", kind: "holiday", name: "当初" },
      { date: "2026-10-30", kind: "workday", name: "取消" },
    ];
    expect(classifyDay("2026-10-30", townDays)).toEqual({
      kind: "workday",
      reason: "town_workday",
      name: "取消",
    });
    expect(listDays("2026-10-30", "2026-10-30", townDays)[0]?.reason).toBe("town_workday");
  });

  it("defaults to no town days", () => {
    expect(classifyDay("2026-09-22")).toEqual({ kind: "holiday", reason: "national_holiday", name: "休日" });
  });
});

describe("listDays", () => {
  it("lists the 2026 Silver Week with town overrides", () => {
    const townDays: TownDay[] = [{ date: "2026-09-24", kind: "holiday", name: "町の休日" }];
    expect(listDays("2026-09-18", "2026-09-25", townDays)).toEqual([
      { date: "2026-09-18", kind: "workday", reason: "weekday" },
      { date: "2026-09-19", kind: "weeklyRest", reason: "saturday" },
      { date: "2026-09-20", kind: "weeklyRest", reason: "sunday" },
      { date: "2026-09-21", kind: "holiday", reason: "national_holiday", name: "敬老の日" },
      { date: "2026-09-22", kind: "holiday", reason: "national_holiday", name: "休日" },
      { date: "2026-09-23", kind: "holiday", reason: "national_holiday", name: "秋分の日" },
      { date: "2026-09-24", kind: "holiday", reason: "town_holiday", name: "町の休日" },
      { date: "2026-09-25", kind: "workday", reason: "weekday" },
    ]);
  });

  it("covers the year end 12/29–1/3 across the year boundary", () => {
    const kinds = listDays("2026-12-28", "2027-01-04").map((day) => [day.date, day.kind, day.reason]);
    expect(kinds).toEqual([
      ["2026-12-28", "workday", "weekday"],
      ["2026-12-29", "holiday", "year_end"],
      ["2026-12-30", "holiday", "year_end"],
      ["2026-12-31", "holiday", "year_end"],
      ["2027-01-01", "holiday", "national_holiday"],
      ["2027-01-02", "weeklyRest", "saturday"],
      ["2027-01-03", "weeklyRest", "sunday"],
      ["2027-01-04", "workday", "weekday"],
    ]);
  });

  it("counts the weekday holidays of fiscal year 2026", () => {
    const days = listDays("2026-04-01", "2027-03-31");
    expect(days).toHaveLength(365);
    // 17 national holidays and 3 year-end days fall on weekdays.
    expect(days.filter((day) => day.kind === "holiday")).toHaveLength(20);
    expect(days.filter((day) => day.kind === "workday")).toHaveLength(241);
  });

  it("is empty when the range is reversed", () => {
    expect(listDays("2026-04-02", "2026-04-01")).toEqual([]);
  });
});

describe("helpers", () => {
  it("recognises Sundays and the year-end days", () => {
    expect(isSunday("2026-11-29")).toBe(true);
    expect(isSunday("2026-11-30")).toBe(false);
    expect(isYearEndHoliday("2026-12-28")).toBe(false);
    expect(isYearEndHoliday("2026-12-29")).toBe(true);
    expect(isYearEndHoliday("2027-01-03")).toBe(true);
    expect(isYearEndHoliday("2027-01-04")).toBe(false);
  });
});
