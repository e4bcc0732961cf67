import { type DailyRecord, overtimeBuckets } from "@tobira/core";
import type { PayrollColumn, PayrollField, PayrollLayout } from "@tobira/protocol";
import iconv from "iconv-lite";
import { formatCsv } from "../staff-import/format-csv";
import type { MonthReport, ReportFile, ReportPersonMonth } from "./month-report";
import { overtimeTiers } from "./report-labels";

type FieldValue = (line: ReportPersonMonth, month: string) => string | number;

const sumDays = (line: ReportPersonMonth, pick: (day: DailyRecord) => number) =>
  line.month.days.reduce((sum, day) => sum + pick(day), 0);

const bucketFieldValues = overtimeBuckets.flatMap((bucket) =>
  overtimeTiers.flatMap((tier): [PayrollField, FieldValue][] => [
    [`overtime.${bucket}.${tier}.minutes`, (line) => line.month.totals.minutes[bucket][tier]],
    [`overtime.${bucket}.${tier}.hours`, (line) => line.month.totals.hours[bucket][tier]],
  ]),
);

const fieldValues = new Map<PayrollField, FieldValue>([
  ["month", (_line, month) => month],
  ["staffNumber", (line) => line.person.staffNumber],
  ["name", (line) => line.person.name],
  ["departmentCode", (line) => line.person.departmentCode],
  ["departmentName", (line) => line.person.departmentName],
  ["employmentType", (line) => line.person.employmentType],
  ["scheduledMinutes", (line) => sumDays(line, (day) => day.scheduledMinutes)],
  ["workedMinutes", (line) => sumDays(line, (day) => day.workedMinutes)],
  ["leaveMinutes", (line) => sumDays(line, (day) => day.leaveMinutes)],
  ["overtimeMinutes", (line) => line.month.totals.overtimeMinutes],
  ["nightShiftMinutes", (line) => line.month.totals.nightShiftMinutes],
  ["nightShiftHours", (line) => line.month.totals.nightShiftHours],
  ["holidayWorkMinutes", (line) => line.month.totals.holidayWorkMinutes],
  ["holidayWorkHours", (line) => line.month.totals.holidayWorkHours],
  ...bucketFieldValues,
]);

const shortBucketNames = {
  weekdayDay: "平日昼",
  weekdayNight: "平日夜",
  restDayDay: "週休日昼",
  restDayNight: "週休日夜",
  sundayDay: "日曜昼",
  sundayNight: "日曜夜",
  holidayDay: "休日昼",
  holidayNight: "休日夜",
} as const;
const shortTierNames = { upTo60: "60h以下", over60: "60h超" } as const;

/** What Tobira writes until a town sets its payroll system's layout: who, worked minutes, rounded hours. */
export const defaultPayrollLayout: PayrollLayout = {
  encoding: "utf8",
  columns: [
    { header: "対象月", field: "month" },
    { header: "職員番号", field: "staffNumber" },
    { header: "氏名", field: "name" },
    { header: "所属コード", field: "departmentCode" },
    { header: "所属", field: "departmentName" },
    { header: "雇用区分", field: "employmentType" },
    { header: "勤務時間(分)", field: "workedMinutes" },
    ...overtimeBuckets.flatMap((bucket) =>
      overtimeTiers.map(
        (tier): PayrollColumn => ({
          header: `時間外 ${shortBucketNames[bucket]} ${shortTierNames[tier]}(時間)`,
          field: `overtime.${bucket}.${tier}.hours`,
        }),
      ),
    ),
    { header: "夜勤手当(時間)", field: "nightShiftHours" },
    { header: "休日勤務(時間)", field: "holidayWorkHours" },
  ],
};

const utf8Bom = "\uFEFF";

/**
 * The month for the payroll system as CSV in the town's layout: a header row, then one row per person in
 * the report's order. Shift_JIS is CP932 (the Windows variant payroll systems read); UTF-8 gets a BOM.
 */
export function writePayrollFile(report: MonthReport, layout: PayrollLayout): ReportFile {
  const table = [
    layout.columns.map((column) => column.header),
    ...report.people.map((line) =>
      layout.columns.map((column) => formatField(column.field, line, report.month)),
    ),
  ];
  const text = formatCsv(table);
  const shiftJis = layout.encoding === "shift_jis";
  return {
    fileName: `payroll-${report.department.code}-${report.month}.csv`,
    contentType: `text/csv; charset=${shiftJis ? "Shift_JIS" : "utf-8"}`,
    body: shiftJis ? iconv.encode(text, "cp932") : Buffer.from(utf8Bom + text, "utf8"),
  };
}

function formatField(field: PayrollField, line: ReportPersonMonth, month: string): string {
  const value = fieldValues.get(field);
  if (value === undefined) throw new RangeError(`No value for the payroll field ${field}`);
  return String(value(line, month));
}
