import { type EmploymentType, employmentTypes } from "@tobira/protocol";

/** 雇用区分 as our export writes it; the import also accepts the other names below and the English ids. */
export const employmentTypeLabels: Record<EmploymentType, string> = {
  regular: "正規",
  fiscalYearAppointee: "会計年度任用職員",
  reappointed: "再任用",
  fixedTerm: "任期付",
  temporary: "臨時",
};

const otherNames: Record<EmploymentType, readonly string[]> = {
  regular: ["正規職員", "正職員", "一般職"],
  fiscalYearAppointee: ["会計年度", "会計年度任用"],
  reappointed: ["再任用職員"],
  fixedTerm: ["任期付職員", "任期付き", "任期付き職員"],
  temporary: ["臨時職員", "臨時的任用", "臨時的任用職員"],
};

const byName = new Map<string, EmploymentType>();
for (const type of employmentTypes) {
  for (const name of [type, employmentTypeLabels[type], ...otherNames[type]])
    byName.set(normalizeName(name), type);
}

/** The employment type a cell names, or null when it names none. */
export function parseEmploymentType(text: string): EmploymentType | null {
  return byName.get(normalizeName(text)) ?? null;
}

function normalizeName(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}
