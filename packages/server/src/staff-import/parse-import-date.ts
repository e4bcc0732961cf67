import { isLocalDate, type LocalDate, toWareki } from "@tobira/core";

type EraName = ReturnType<typeof toWareki>["era"];

// offset: the Gregorian year before the era's first year (令和元年 = 2019).
const eras: readonly { name: EraName; initial: string; offset: number }[] = [
  { name: "令和", initial: "R", offset: 2018 },
  { name: "平成", initial: "H", offset: 1988 },
  { name: "昭和", initial: "S", offset: 1925 },
  { name: "大正", initial: "T", offset: 1911 },
  { name: "明治", initial: "M", offset: 1867 },
];

const gregorian = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const wareki = /^(令和|平成|昭和|大正|明治|[RHSTM])\s*(\d{1,2}|元)[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/i;
// Excel writes "2026/4/1 0:00" when a date cell is saved as CSV.
const midnight = /\s+0{1,2}:00(:00)?$/;

/**
 * Reads a date as payroll systems and Excel write it: 2026-04-01, 2026/4/1, 20260401, 2026年4月1日,
 * or 和暦 (R8.4.1, 令和8年4月1日, 令和元年5月1日). Null when it is not a real calendar date, including
 * an era date outside its era (平成31年5月1日 was 令和元年).
 */
export function parseImportDate(text: string): LocalDate | null {
  const value = text.normalize("NFKC").trim().replace(midnight, "");
  const plain = gregorian.exec(value) ?? compact.exec(value);
  if (plain !== null) return toDate(Number(plain[1]), Number(plain[2]), Number(plain[3]));
  const era = wareki.exec(value);
  if (era === null) return null;
  const token = era[1] ?? "";
  const found = eras.find(
    (candidate) => candidate.name === token || candidate.initial === token.toUpperCase(),
  );
  const eraYear = era[2] === "元" ? 1 : Number(era[2]);
  if (found === undefined || eraYear < 1) return null;
  const date = toDate(found.offset + eraYear, Number(era[3]), Number(era[4]));
  return date !== null && isInEra(date, found.name) ? date : null;
}

function isInEra(date: LocalDate, era: EraName): boolean {
  try {
    return toWareki(date).era === era;
  } catch {
    return false;
  }
}

function toDate(year: number, month: number, day: number): LocalDate | null {
  const date = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isLocalDate(date) ? date : null;
}
