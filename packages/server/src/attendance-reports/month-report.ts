import type { StaffMonth } from "../attendance/compute-staff-month";

/** Who a line of a book or the payroll file is about. */
export interface ReportPerson {
  staffId: number;
  staffNumber: string;
  /** 氏名 as "family given". */
  name: string;
  departmentCode: string;
  departmentName: string;
  /** The employment type's Japanese label (正規職員, 会計年度任用職員 …). */
  employmentType: string;
}

/** Everything the books and the payroll file print for one department's month. */
export interface MonthReport {
  department: { id: number; code: string; name: string };
  /** YYYY-MM. */
  month: string;
  /** When the report was made; printed as 印刷日 and set as the document's creation date. */
  printedAt: Date;
  /** Sorted by staff number. */
  people: ReportPersonMonth[];
  /** Leave type code → its Japanese name (annual → 年次有給休暇). */
  leaveTypeNames: ReadonlyMap<string, string>;
}

/** A person and their computed month, whose `entries` (corrections, orders, leave …) the books print. */
export interface ReportPersonMonth {
  person: ReportPerson;
  month: StaffMonth;
}

/** A file to download. */
export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}
