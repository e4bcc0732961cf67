import { type LocalDate, parseLocalDate } from "./local-date";

export type EraName = "明治" | "大正" | "昭和" | "平成" | "令和";
export type EraNameEn = "Meiji" | "Taisho" | "Showa" | "Heisei" | "Reiwa";

/** A date in the Japanese calendar (和暦). */
export type Wareki = { era: EraName; eraEn: EraNameEn; year: number; month: number; day: number };

export type WarekiStyle = "long" | "short" | "numeric";

type Era = { era: EraName; eraEn: EraNameEn; initial: string; start: LocalDate; startYear: number };

// Newest first. Meiji dates before 1873 are shown in the Gregorian calendar, not the lunar one then in use.
const ERAS: readonly Era[] = [
  { era: "令和", eraEn: "Reiwa", initial: "R", start: "2019-05-01", startYear: 2019 },
  { era: "平成", eraEn: "Heisei", initial: "H", start: "1989-01-08", startYear: 1989 },
  { era: "昭和", eraEn: "Showa", initial: "S", start: "1926-12-25", startYear: 1926 },
  { era: "大正", eraEn: "Taisho", initial: "T", start: "1912-07-30", startYear: 1912 },
  { era: "明治", eraEn: "Meiji", initial: "M", start: "1868-10-23", startYear: 1868 },
];

type EraDate = { era: Era; year: number; month: number; day: number };

function splitEraDate(date: LocalDate): EraDate {
  const parts = parseLocalDate(date);
  if (parts === null) throw new RangeError(`Not a 'YYYY-MM-DD' date: ${JSON.stringify(date)}`);
  const era = ERAS.find((candidate) => candidate.start <= date);
  if (era === undefined) throw new RangeError(`Before the Meiji era: ${date}`);
  return { era, year: parts.year - era.startYear + 1, month: parts.month, day: parts.day };
}

/** The era, era year, month and day of a date; throws RangeError before 1868-10-23 (明治元年). */
export function toWareki(date: LocalDate): Wareki {
  const { era, year, month, day } = splitEraDate(date);
  return { era: era.era, eraEn: era.eraEn, year, month, day };
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

function formatEraYear(year: number): string {
  return year === 1 ? "元" : String(year);
}

// long "令和元年5月1日" (元年 for year 1), short "R1.5.1" unpadded, numeric "01.05.01" for boxes after the era.
export function formatWareki(date: LocalDate, options: { style?: WarekiStyle } = {}): string {
  const { era, year, month, day } = splitEraDate(date);
  switch (options.style ?? "long") {
    case "long":
      return `${era.era}${formatEraYear(year)}年${month}月${day}日`;
    case "short":
      return `${era.initial}${year}.${month}.${day}`;
    case "numeric":
      return `${pad2(year)}.${pad2(month)}.${pad2(day)}`;
  }
}

/** "令和8年11月" for a 'YYYY-MM' month; the era is the one in force on the month's first day. */
export function formatWarekiMonth(month: string): string {
  const { era, year, month: monthOfYear } = splitEraDate(`${month}-01`);
  return `${era.era}${formatEraYear(year)}年${monthOfYear}月`;
}
