import { fromEpochDay, type LocalDate, parseLocalDate, toEpochDay } from "./local-date";

export type NationalHoliday = { readonly date: LocalDate; readonly name: string; readonly nameEn: string };

export const FIRST_HOLIDAY_YEAR = 1980;
export const LAST_HOLIDAY_YEAR = 2099;

type HolidayOnDay = { epochDay: number; name: string; nameEn: string };

// Dates from which amendments of 国民の祝日に関する法律 (祝日法) apply.
const CITIZENS_HOLIDAY_FROM = 1986; // 国民の休日, from 1985-12-27.
const NEAREST_SUBSTITUTE_FROM = 2007; // 振替休日 moves past consecutive holidays from 2007.

const SUBSTITUTE_HOLIDAY = { name: "休日", nameEn: "Substitute Holiday" };
const CITIZENS_HOLIDAY = { name: "休日", nameEn: "Citizens' Holiday" };

// Days made holidays once by their own statutes, as the Cabinet Office names them.
const ONE_OFF_HOLIDAYS: readonly NationalHoliday[] = [
  { date: "1989-02-24", name: "大喪の礼", nameEn: "Funeral Ceremony of Emperor Showa" },
  { date: "1990-11-12", name: "即位礼正殿の儀", nameEn: "Enthronement Ceremony" },
  { date: "1993-06-09", name: "結婚の儀", nameEn: "Wedding Ceremony of Crown Prince Naruhito" },
  { date: "2019-05-01", name: "休日（祝日扱い）", nameEn: "Enthronement Day" },
  { date: "2019-10-22", name: "休日（祝日扱い）", nameEn: "Enthronement Ceremony Day" },
];

function toDay(year: number, month: number, day: number): number {
  return toEpochDay(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
}

function findNthMonday(year: number, month: number, nth: number): number {
  const first = toDay(year, month, 1);
  const weekdayOfFirst = (((first + 4) % 7) + 7) % 7;
  return first + ((8 - weekdayOfFirst) % 7) + 7 * (nth - 1);
}

// Standard approximation of the equinox day in Japan, valid for 1980–2099.
function findVernalEquinoxDay(year: number): number {
  return Math.floor(20.8431 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

function findAutumnalEquinoxDay(year: number): number {
  return Math.floor(23.2488 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

function findComingOfAgeDay(year: number): number {
  return year < 2000 ? toDay(year, 1, 15) : findNthMonday(year, 1, 2);
}

function findMarineDay(year: number): number | null {
  if (year < 1996) return null;
  if (year === 2020) return toDay(2020, 7, 23);
  if (year === 2021) return toDay(2021, 7, 22);
  return year < 2003 ? toDay(year, 7, 20) : findNthMonday(year, 7, 3);
}

function findMountainDay(year: number): number | null {
  if (year < 2016) return null;
  if (year === 2020) return toDay(2020, 8, 10);
  if (year === 2021) return toDay(2021, 8, 8);
  return toDay(year, 8, 11);
}

function findRespectForTheAgedDay(year: number): number {
  return year < 2003 ? toDay(year, 9, 15) : findNthMonday(year, 9, 3);
}

function findSportsDay(year: number): HolidayOnDay {
  const healthAndSportsDay = { name: "体育の日", nameEn: "Health and Sports Day" };
  const sportsDay = { name: "スポーツの日", nameEn: "Sports Day" };
  if (year < 2000) return { epochDay: toDay(year, 10, 10), ...healthAndSportsDay };
  if (year < 2019) return { epochDay: findNthMonday(year, 10, 2), ...healthAndSportsDay };
  // Renamed from 2020; the Cabinet Office writes the 2019 day with both names.
  if (year === 2019) {
    return {
      epochDay: findNthMonday(year, 10, 2),
      name: "体育の日（スポーツの日）",
      nameEn: "Health and Sports Day",
    };
  }
  // Moved for the Tokyo Olympics (postponed from 2020 to 2021).
  if (year === 2020) return { epochDay: toDay(2020, 7, 24), ...sportsDay };
  if (year === 2021) return { epochDay: toDay(2021, 7, 23), ...sportsDay };
  return { epochDay: findNthMonday(year, 10, 2), ...sportsDay };
}

function findEmperorsBirthday(year: number): number | null {
  if (year <= 1988) return toDay(year, 4, 29);
  if (year <= 2018) return toDay(year, 12, 23);
  return year === 2019 ? null : toDay(year, 2, 23);
}

function findGreeneryDay(year: number): number | null {
  if (year < 1989) return null;
  return year < 2007 ? toDay(year, 4, 29) : toDay(year, 5, 4);
}

/** 国民の祝日 of a year, and days the law treats as such; unsorted. */
function listDesignatedHolidays(year: number): HolidayOnDay[] {
  const holidays: HolidayOnDay[] = [];
  const add = (epochDay: number | null, name: string, nameEn: string): void => {
    if (epochDay !== null) holidays.push({ epochDay, name, nameEn });
  };
  add(toDay(year, 1, 1), "元日", "New Year's Day");
  add(findComingOfAgeDay(year), "成人の日", "Coming of Age Day");
  add(toDay(year, 2, 11), "建国記念の日", "National Foundation Day");
  add(findEmperorsBirthday(year), "天皇誕生日", "The Emperor's Birthday");
  add(toDay(year, 3, findVernalEquinoxDay(year)), "春分の日", "Vernal Equinox Day");
  add(year >= 2007 ? toDay(year, 4, 29) : null, "昭和の日", "Showa Day");
  add(toDay(year, 5, 3), "憲法記念日", "Constitution Memorial Day");
  add(findGreeneryDay(year), "みどりの日", "Greenery Day");
  add(toDay(year, 5, 5), "こどもの日", "Children's Day");
  add(findMarineDay(year), "海の日", "Marine Day");
  add(findMountainDay(year), "山の日", "Mountain Day");
  add(findRespectForTheAgedDay(year), "敬老の日", "Respect for the Aged Day");
  add(toDay(year, 9, findAutumnalEquinoxDay(year)), "秋分の日", "Autumnal Equinox Day");
  holidays.push(findSportsDay(year));
  add(toDay(year, 11, 3), "文化の日", "Culture Day");
  add(toDay(year, 11, 23), "勤労感謝の日", "Labor Thanksgiving Day");
  for (const holiday of ONE_OFF_HOLIDAYS) {
    if (holiday.date.startsWith(`${year}-`)) add(toEpochDay(holiday.date), holiday.name, holiday.nameEn);
  }
  return holidays;
}

function isSundayEpochDay(epochDay: number): boolean {
  return (((epochDay + 4) % 7) + 7) % 7 === 0;
}

function computeNationalHolidays(year: number): NationalHoliday[] {
  const designated = new Map<number, HolidayOnDay>();
  for (const holiday of listDesignatedHolidays(year)) designated.set(holiday.epochDay, holiday);

  // 振替休日: a 国民の祝日 on a Sunday makes the next day that is not one a holiday
  // (before 2007 only the next day, and only when that day was not itself a 祝日).
  const substitutes = new Set<number>();
  for (const { epochDay } of designated.values()) {
    if (!isSundayEpochDay(epochDay)) continue;
    let candidate = epochDay + 1;
    if (year >= NEAREST_SUBSTITUTE_FROM) {
      while (designated.has(candidate)) candidate += 1;
    }
    if (!designated.has(candidate)) substitutes.add(candidate);
  }

  // 国民の休日: a day between two 国民の祝日 (before 2007, not a Sunday nor a 振替休日).
  const citizens = new Set<number>();
  if (year >= CITIZENS_HOLIDAY_FROM) {
    for (const { epochDay } of designated.values()) {
      const between = epochDay + 1;
      if (designated.has(between) || !designated.has(between + 1) || substitutes.has(between)) continue;
      if (year < NEAREST_SUBSTITUTE_FROM && isSundayEpochDay(between)) continue;
      citizens.add(between);
    }
  }

  const holidays: HolidayOnDay[] = [...designated.values()];
  for (const epochDay of substitutes) holidays.push({ epochDay, ...SUBSTITUTE_HOLIDAY });
  for (const epochDay of citizens) holidays.push({ epochDay, ...CITIZENS_HOLIDAY });
  holidays.sort((a, b) => a.epochDay - b.epochDay);
  return holidays.map(({ epochDay, name, nameEn }) =>
    Object.freeze({ date: fromEpochDay(epochDay), name, nameEn }),
  );
}

type YearHolidays = { list: readonly NationalHoliday[]; byDate: ReadonlyMap<LocalDate, NationalHoliday> };

// Memoised per year: the result depends only on the year.
const holidaysByYear = new Map<number, YearHolidays>();

function loadYear(year: number): YearHolidays {
  const cached = holidaysByYear.get(year);
  if (cached !== undefined) return cached;
  if (!Number.isInteger(year) || year < FIRST_HOLIDAY_YEAR || year > LAST_HOLIDAY_YEAR) {
    throw new RangeError(
      `National holidays are computed for ${FIRST_HOLIDAY_YEAR}–${LAST_HOLIDAY_YEAR}, not ${year}`,
    );
  }
  const list = Object.freeze(computeNationalHolidays(year));
  const entry: YearHolidays = { list, byDate: new Map(list.map((holiday) => [holiday.date, holiday])) };
  holidaysByYear.set(year, entry);
  return entry;
}

/**
 * Japan's national holidays of a year in date order, including 振替休日 and 国民の休日 (named 休日).
 * Throws RangeError outside 1980–2099.
 */
export function listNationalHolidays(year: number): NationalHoliday[] {
  return [...loadYear(year).list];
}

/** The national holiday on a date, if any; throws RangeError outside 1980–2099 or on a malformed date. */
export function findNationalHoliday(date: LocalDate): NationalHoliday | undefined {
  const parts = parseLocalDate(date);
  if (parts === null) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${JSON.stringify(date)}`);
  return loadYear(parts.year).byDate.get(date);
}
