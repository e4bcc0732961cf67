import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek } from "./local-date";
import { findNationalHoliday, listNationalHolidays, type NationalHoliday } from "./national-holidays";

function listDatesAndNames(year: number): [string, string][] {
  return listNationalHolidays(year).map((holiday) => [holiday.date, holiday.name]);
}

// The Cabinet Office's published lists (内閣府「国民の祝日について」, syukujitsu.csv).
const PUBLISHED: Record<number, [string, string][]> = {
  2019: [
    ["2019-01-01", "元日"],
    ["2019-01-14", "成人の日"],
    ["2019-02-11", "建国記念の日"],
    ["2019-03-21", "春分の日"],
    ["2019-04-29", "昭和の日"],
    ["2019-04-30", "休日"],
    ["2019-05-01", "休日（祝日扱い）"],
    ["2019-05-02", "休日"],
    ["2019-05-03", "憲法記念日"],
    ["2019-05-04", "みどりの日"],
    ["2019-05-05", "こどもの日"],
    ["2019-05-06", "休日"],
    ["2019-07-15", "海の日"],
    ["2019-08-11", "山の日"],
    ["2019-08-12", "休日"],
    ["2019-09-16", "敬老の日"],
    ["2019-09-23", "秋分の日"],
    ["2019-10-14", "体育の日（スポーツの日）"],
    ["2019-10-22", "休日（祝日扱い）"],
    ["2019-11-03", "文化の日"],
    ["2019-11-04", "休日"],
    ["2019-11-23", "勤労感謝の日"],
  ],
  2020: [
    ["2020-01-01", "元日"],
    ["2020-01-13", "成人の日"],
    ["2020-02-11", "建国記念の日"],
    ["2020-02-23", "天皇誕生日"],
    ["2020-02-24", "休日"],
    ["2020-03-20", "春分の日"],
    ["2020-04-29", "昭和の日"],
    ["2020-05-03", "憲法記念日"],
    ["2020-05-04", "みどりの日"],
    ["2020-05-05", "こどもの日"],
    ["2020-05-06", "休日"],
    ["2020-07-23", "海の日"],
    ["2020-07-24", "スポーツの日"],
    ["2020-08-10", "山の日"],
    ["2020-09-21", "敬老の日"],
    ["2020-09-22", "秋分の日"],
    ["2020-11-03", "文化の日"],
    ["2020-11-23", "勤労感謝の日"],
  ],
  2021: [
    ["2021-01-01", "元日"],
    ["2021-01-11", "成人の日"],
    ["2021-02-11", "建国記念の日"],
    ["2021-02-23", "天皇誕生日"],
    ["2021-03-20", "春分の日"],
    ["2021-04-29", "昭和の日"],
    ["2021-05-03", "憲法記念日"],
    ["2021-05-04", "みどりの日"],
    ["2021-05-05", "こどもの日"],
    ["2021-07-22", "海の日"],
    ["2021-07-23", "スポーツの日"],
    ["2021-08-08", "山の日"],
    ["2021-08-09", "休日"],
    ["2021-09-20", "敬老の日"],
    ["2021-09-23", "秋分の日"],
    ["2021-11-03", "文化の日"],
    ["2021-11-23", "勤労感謝の日"],
  ],
  2024: [
    ["2024-01-01", "元日"],
    ["2024-01-08", "成人の日"],
    ["2024-02-11", "建国記念の日"],
    ["2024-02-12", "休日"],
    ["2024-02-23", "天皇誕生日"],
    ["2024-03-20", "春分の日"],
    ["2024-04-29", "昭和の日"],
    ["2024-05-03", "憲法記念日"],
    ["2024-05-04", "みどりの日"],
    ["2024-05-05", "こどもの日"],
    ["2024-05-06", "休日"],
    ["2024-07-15", "海の日"],
    ["2024-08-11", "山の日"],
    ["2024-08-12", "休日"],
    ["2024-09-16", "敬老の日"],
    ["2024-09-22", "秋分の日"],
    ["2024-09-23", "休日"],
    ["2024-10-14", "スポーツの日"],
    ["2024-11-03", "文化の日"],
    ["2024-11-04", "休日"],
    ["2024-11-23", "勤労感謝の日"],
  ],
  2025: [
    ["2025-01-01", "元日"],
    ["2025-01-13", "成人の日"],
    ["2025-02-11", "建国記念の日"],
    ["2025-02-23", "天皇誕生日"],
    ["2025-02-24", "休日"],
    ["2025-03-20", "春分の日"],
    ["2025-04-29", "昭和の日"],
    ["2025-05-03", "憲法記念日"],
    ["2025-05-04", "みどりの日"],
    ["2025-05-05", "こどもの日"],
    ["2025-05-06", "休日"],
    ["2025-07-21", "海の日"],
    ["2025-08-11", "山の日"],
    ["2025-09-15", "敬老の日"],
    ["2025-09-23", "秋分の日"],
    ["2025-10-13", "スポーツの日"],
    ["2025-11-03", "文化の日"],
    ["2025-11-23", "勤労感謝の日"],
    ["2025-11-24", "休日"],
  ],
  2026: [
    ["2026-01-01", "元日"],
    ["2026-01-12", "成人の日"],
    ["2026-02-11", "建国記念の日"],
    ["2026-02-23", "天皇誕生日"],
    ["2026-03-20", "春分の日"],
    ["2026-04-29", "昭和の日"],
    ["2026-05-03", "憲法記念日"],
    ["2026-05-04", "みどりの日"],
    ["2026-05-05", "こどもの日"],
    ["2026-05-06", "休日"],
    ["2026-07-20", "海の日"],
    ["2026-08-11", "山の日"],
    ["2026-09-21", "敬老の日"],
    ["2026-09-22", "休日"],
    ["2026-09-23", "秋分の日"],
    ["2026-10-12", "スポーツの日"],
    ["2026-11-03", "文化の日"],
    ["2026-11-23", "勤労感謝の日"],
  ],
  2027: [
    ["2027-01-01", "元日"],
    ["2027-01-11", "成人の日"],
    ["2027-02-11", "建国記念の日"],
    ["2027-02-23", "天皇誕生日"],
    ["2027-03-21", "春分の日"],
    ["2027-03-22", "休日"],
    ["2027-04-29", "昭和の日"],
    ["2027-05-03", "憲法記念日"],
    ["2027-05-04", "みどりの日"],
    ["2027-05-05", "こどもの日"],
    ["2027-07-19", "海の日"],
    ["2027-08-11", "山の日"],
    ["2027-09-20", "敬老の日"],
    ["2027-09-23", "秋分の日"],
    ["2027-10-11", "スポーツの日"],
    ["2027-11-03", "文化の日"],
    ["2027-11-23", "勤労感謝の日"],
  ],
};

describe("listNationalHolidays", () => {
  it.each([
    [2019, 22],
    [2020, 18],
    [2021, 17],
    [2024, 21],
    [2025, 19],
    [2026, 18],
    [2027, 17],
  ])("matches the Cabinet Office list for %i (%i days)", (year, count) => {
    const published = PUBLISHED[year];
    expect(published).toHaveLength(count);
    expect(listDatesAndNames(year)).toEqual(published);
  });

  it("gives English names", () => {
    expect(listNationalHolidays(2026).slice(0, 3)).toEqual([
      { date: "2026-01-01", name: "元日", nameEn: "New Year's Day" },
      { date: "2026-01-12", name: "成人の日", nameEn: "Coming of Age Day" },
      { date: "2026-02-11", name: "建国記念の日", nameEn: "National Foundation Day" },
    ]);
    expect(findNationalHoliday("2026-05-06")?.nameEn).toBe("Substitute Holiday");
    expect(findNationalHoliday("2026-09-22")?.nameEn).toBe("Citizens' Holiday");
  });

  it("returns a fresh array each time", () => {
    const first = listNationalHolidays(2026);
    first.pop();
    expect(listNationalHolidays(2026)).toHaveLength(18);
  });

  it("moves the Olympic holidays in 2020 and 2021 and leaves October without スポーツの日", () => {
    expect(findNationalHoliday("2020-07-23")?.name).toBe("海の日");
    expect(findNationalHoliday("2020-07-24")?.name).toBe("スポーツの日");
    expect(findNationalHoliday("2020-08-10")?.name).toBe("山の日");
    expect(findNationalHoliday("2020-08-11")).toBeUndefined();
    expect(findNationalHoliday("2020-10-12")).toBeUndefined();
    expect(findNationalHoliday("2021-07-22")?.name).toBe("海の日");
    expect(findNationalHoliday("2021-07-23")?.name).toBe("スポーツの日");
    expect(findNationalHoliday("2021-08-08")?.name).toBe("山の日");
    expect(findNationalHoliday("2021-08-09")?.name).toBe("休日");
    expect(findNationalHoliday("2021-10-11")).toBeUndefined();
  });

  it("has no 天皇誕生日 in 2019 and moves it from 12/23 to 2/23", () => {
    expect(listNationalHolidays(2019).some((holiday) => holiday.name === "天皇誕生日")).toBe(false);
    expect(findNationalHoliday("2018-12-23")?.name).toBe("天皇誕生日");
    expect(findNationalHoliday("2018-12-24")?.name).toBe("休日");
    expect(findNationalHoliday("2019-12-23")).toBeUndefined();
    expect(findNationalHoliday("2020-02-23")?.name).toBe("天皇誕生日");
    expect(findNationalHoliday("1988-04-29")?.name).toBe("天皇誕生日");
  });

  it("follows the older rules for 4/29, 5/4 and fixed-date holidays", () => {
    expect(findNationalHoliday("1989-04-29")?.name).toBe("みどりの日");
    expect(findNationalHoliday("2006-04-29")?.name).toBe("みどりの日");
    expect(findNationalHoliday("2007-04-29")?.name).toBe("昭和の日");
    expect(findNationalHoliday("2007-05-04")?.name).toBe("みどりの日");
    // 5/4 before 2007: 国民の休日 between two 祝日 from 1988, but not when a Sunday or a 振替休日.
    expect(findNationalHoliday("1988-05-04")?.nameEn).toBe("Citizens' Holiday");
    expect(findNationalHoliday("1987-05-04")?.nameEn).toBe("Substitute Holiday");
    expect(findNationalHoliday("1986-05-04")).toBeUndefined();
    expect(findNationalHoliday("1997-05-04")).toBeUndefined();
    expect(findNationalHoliday("1999-01-15")?.name).toBe("成人の日");
    expect(findNationalHoliday("2000-01-10")?.name).toBe("成人の日");
    expect(findNationalHoliday("1999-10-10")?.name).toBe("体育の日");
    expect(findNationalHoliday("2000-10-09")?.name).toBe("体育の日");
    expect(findNationalHoliday("1995-07-20")).toBeUndefined();
    expect(findNationalHoliday("2002-07-20")?.name).toBe("海の日");
    expect(findNationalHoliday("2003-07-21")?.name).toBe("海の日");
    expect(findNationalHoliday("2002-09-15")?.name).toBe("敬老の日");
    expect(findNationalHoliday("2003-09-15")?.name).toBe("敬老の日");
    expect(findNationalHoliday("2015-08-11")).toBeUndefined();
    expect(findNationalHoliday("2016-08-11")?.name).toBe("山の日");
  });

  it("moves 振替休日 past consecutive holidays only from 2007", () => {
    // 5/4 (then 国民の休日) fell on a Sunday in 1997: no substitute.
    expect(findNationalHoliday("1997-05-06")).toBeUndefined();
    // みどりの日 5/4 on a Sunday in 2008: the substitute skips こどもの日.
    expect(findNationalHoliday("2008-05-06")?.nameEn).toBe("Substitute Holiday");
    // 憲法記念日 on a Sunday in 2009 and 2015.
    expect(findNationalHoliday("2009-05-06")?.nameEn).toBe("Substitute Holiday");
    expect(findNationalHoliday("2015-05-06")?.nameEn).toBe("Substitute Holiday");
  });

  it("includes the one-off days of 1989, 1990 and 1993", () => {
    expect(findNationalHoliday("1989-02-24")?.name).toBe("大喪の礼");
    expect(findNationalHoliday("1990-11-12")?.name).toBe("即位礼正殿の儀");
    expect(findNationalHoliday("1993-06-09")?.name).toBe("結婚の儀");
  });

  it("computes the equinoxes by the standard formula", () => {
    expect(findNationalHoliday("2012-09-22")?.name).toBe("秋分の日");
    expect(findNationalHoliday("2024-09-22")?.name).toBe("秋分の日");
    expect(findNationalHoliday("2025-09-23")?.name).toBe("秋分の日");
    expect(findNationalHoliday("2027-03-21")?.name).toBe("春分の日");
    expect(findNationalHoliday("2092-03-19")?.name).toBe("春分の日");
  });

  it("refuses years outside 1980–2099", () => {
    expect(() => listNationalHolidays(1979)).toThrow(RangeError);
    expect(() => listNationalHolidays(2100)).toThrow(RangeError);
    expect(() => listNationalHolidays(2026.5)).toThrow(RangeError);
    expect(() => findNationalHoliday("2100-01-01")).toThrow(RangeError);
    expect(() => findNationalHoliday("2026-02-30")).toThrow(RangeError);
  });
});

describe("findNationalHoliday", () => {
  it("finds 2026-09-22 as 国民の休日 between 敬老の日 and 秋分の日", () => {
    expect(findNationalHoliday("2026-09-22")).toEqual({
      date: "2026-09-22",
      name: "休日",
      nameEn: "Citizens' Holiday",
    });
  });

  it("returns undefined on an ordinary day", () => {
    expect(findNationalHoliday("2026-11-27")).toBeUndefined();
  });
});

describe("holiday invariants (properties)", () => {
  const arbitraryYear = fc.integer({ min: 1980, max: 2099 });
  const isDesignated = (holiday: NationalHoliday | undefined): boolean =>
    holiday !== undefined && !["Substitute Holiday", "Citizens' Holiday"].includes(holiday.nameEn);

  it("lists dates of the year, sorted and without duplicates", () => {
    fc.assert(
      fc.property(arbitraryYear, (year) => {
        const dates = listNationalHolidays(year).map((holiday) => holiday.date);
        expect(dates.every((date) => date.startsWith(`${year}-`))).toBe(true);
        expect([...new Set(dates)].sort()).toEqual(dates);
      }),
    );
  });

  it("places every 振替休日 right after a run of 祝日 that starts on a Sunday", () => {
    fc.assert(
      fc.property(arbitraryYear, (year) => {
        for (const holiday of listNationalHolidays(year)) {
          if (holiday.nameEn !== "Substitute Holiday") continue;
          let day = addDays(holiday.date, -1);
          while (dayOfWeek(day) !== 0) {
            expect(isDesignated(findNationalHoliday(day))).toBe(true);
            day = addDays(day, -1);
          }
          expect(isDesignated(findNationalHoliday(day))).toBe(true);
        }
      }),
    );
  });

  it("gives every Sunday 祝日 a 振替休日 from 2007", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2007, max: 2099 }), (year) => {
        for (const holiday of listNationalHolidays(year)) {
          if (dayOfWeek(holiday.date) !== 0 || !isDesignated(holiday)) continue;
          let day = addDays(holiday.date, 1);
          while (isDesignated(findNationalHoliday(day))) day = addDays(day, 1);
          expect(findNationalHoliday(day)?.nameEn).toBe("Substitute Holiday");
        }
      }),
    );
  });

  it("places every 国民の休日 between two 祝日", () => {
    fc.assert(
      fc.property(arbitraryYear, (year) => {
        for (const holiday of listNationalHolidays(year)) {
          if (holiday.nameEn !== "Citizens' Holiday") continue;
          expect(isDesignated(findNationalHoliday(addDays(holiday.date, -1)))).toBe(true);
          expect(isDesignated(findNationalHoliday(addDays(holiday.date, 1)))).toBe(true);
        }
      }),
    );
  });
});
