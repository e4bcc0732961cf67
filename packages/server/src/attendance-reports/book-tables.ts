import { type DailyRecord, type DayProblem, formatWareki, overtimeBuckets } from "@tobira/core";
import type { AttendanceEntryDto } from "@tobira/protocol";
import { formatWorkClock } from "../attendance/present-staff-month";
import type { MonthReport, ReportPerson, ReportPersonMonth } from "./month-report";
import {
  formatDuration,
  formatDurationOrBlank,
  formatShortDate,
  formatWeekday,
  overtimeBucketLabels,
  overtimeTierLabels,
} from "./report-labels";

/*
 * The three books (出勤簿, 時間外勤務命令簿, 休暇処理簿) as tables of text, header row first. The PDFs and the
 * Excel files print these same tables, so the formats cannot disagree.
 */

export type TextTable = string[][];

/** One person's 出勤簿: a row per day with a 計 row, the overtime totals, and notes under them. */
export interface AttendanceSheet {
  person: ReportPerson;
  days: TextTable;
  totals: TextTable;
  notes: string[];
}

export const attendanceDayHeader = [
  "日",
  "曜日",
  "区分",
  "出勤",
  "退勤",
  "勤務",
  "休暇",
  "時間外",
  "夜勤",
  "備考",
] as const;

export function buildAttendanceSheets(report: MonthReport): AttendanceSheet[] {
  return report.people.map((line) => buildAttendanceSheet(line, report.leaveTypeNames));
}

function buildAttendanceSheet(
  line: ReportPersonMonth,
  leaveTypeNames: ReadonlyMap<string, string>,
): AttendanceSheet {
  const { days, punches, totals } = line.month;
  const sum = (pick: (day: DailyRecord) => number) => days.reduce((total, day) => total + pick(day), 0);
  const dayRows = days.map((day) => {
    const punch = punches.get(day.date);
    return [
      String(Number(day.date.slice(8))),
      formatWeekday(day.date),
      labelDayKind(day),
      formatWorkClock(punch?.clockIn ?? null) ?? "",
      formatWorkClock(punch?.clockOut ?? null) ?? "",
      formatDurationOrBlank(day.workedMinutes),
      formatDurationOrBlank(day.leaveMinutes),
      formatDurationOrBlank(day.overtimeMinutes),
      formatDurationOrBlank(day.nightShiftMinutes),
      describeRemarks(day, line.month.entries, leaveTypeNames).join("、"),
    ];
  });
  const totalRow = [
    "計",
    "",
    "",
    "",
    "",
    formatDuration(sum((day) => day.workedMinutes)),
    formatDuration(sum((day) => day.leaveMinutes)),
    formatDuration(totals.overtimeMinutes),
    formatDuration(totals.nightShiftMinutes),
    "",
  ];
  const totalsRows = overtimeBuckets.map((bucket) => [
    `時間外 ${overtimeBucketLabels[bucket]}`,
    formatDuration(totals.minutes[bucket].upTo60),
    String(totals.hours[bucket].upTo60),
    formatDuration(totals.minutes[bucket].over60),
    String(totals.hours[bucket].over60),
  ]);
  const notes = [
    `夜勤 ${formatDuration(totals.nightShiftMinutes)}（${totals.nightShiftHours}時間）`,
    `休日勤務 ${formatDuration(totals.holidayWorkMinutes)}（${totals.holidayWorkHours}時間）`,
  ];
  if (totals.over60StartedOn !== null) notes.push(`60時間超の開始日 ${formatWareki(totals.over60StartedOn)}`);
  return {
    person: line.person,
    days: [[...attendanceDayHeader], ...dayRows, totalRow],
    totals: [
      [
        "区分",
        `${overtimeTierLabels.upTo60}(実時間)`,
        `${overtimeTierLabels.upTo60}(時間)`,
        `${overtimeTierLabels.over60}(実時間)`,
        `${overtimeTierLabels.over60}(時間)`,
      ],
      ...totalsRows,
    ],
    notes,
  };
}

// A workday on the calendar without a schedule for the person is their own 週休日 (e.g. a four-day pattern).
function labelDayKind(day: DailyRecord): string {
  if (day.dayKind === "holiday") return "休日";
  if (day.dayKind === "weeklyRest" || day.scheduledMinutes === 0) return "週休日";
  return "勤務日";
}

const holidayCompensationLabels = {
  restDaySwap: "振替",
  compensatoryDay: "代休",
  payment: "手当",
} as const;

function describeRemarks(
  day: DailyRecord,
  entries: readonly AttendanceEntryDto[],
  leaveTypeNames: ReadonlyMap<string, string>,
): string[] {
  const remarks = day.problems.map(describeProblem);
  for (const entry of entries) {
    if (entry.date !== day.date) continue;
    if (entry.kind === "punchCorrection") remarks.push("打刻修正");
    if (entry.kind === "leave") remarks.push(nameLeaveType(entry.leaveType, leaveTypeNames));
    if (entry.kind === "holidayWork")
      remarks.push(`休日勤務(${holidayCompensationLabels[entry.compensation]})`);
    if (entry.kind === "divergenceReason") remarks.push(`乖離理由 ${entry.reason}`);
  }
  return remarks;
}

function describeProblem(problem: DayProblem): string {
  switch (problem.kind) {
    case "missing_clock_in":
      return "出勤打刻なし";
    case "missing_clock_out":
      return "退勤打刻なし";
    case "overtime_without_order":
      return `命令のない時間外 ${problem.minutes}分`;
    case "divergence":
      return `乖離 ${problem.minutes}分 理由未入力`;
  }
}

function nameLeaveType(code: string, leaveTypeNames: ReadonlyMap<string, string>): string {
  return leaveTypeNames.get(code) ?? code;
}

export const overtimeOrderHeader = ["日付", "職員番号", "氏名", "命令時間", "業務内容", "実績"] as const;

/**
 * 時間外勤務命令簿: every order by date, then staff number. 実績 is the day's ordered overtime actually
 * worked, printed once per person and day (on the day's first order) so the column adds up; then a 月計 row
 * for each person with orders or overtime.
 */
export function buildOvertimeOrderTable(report: MonthReport): TextTable {
  const orders = report.people.flatMap((line) =>
    line.month.entries.flatMap((entry) => (entry.kind === "overtimeOrder" ? [{ line, entry }] : [])),
  );
  orders.sort(
    (a, b) =>
      compareText(a.entry.date, b.entry.date) ||
      compareText(a.line.person.staffNumber, b.line.person.staffNumber) ||
      compareText(a.entry.start, b.entry.start),
  );
  const printed = new Set<string>();
  const orderRows = orders.map(({ line, entry }) => {
    const key = `${line.person.staffId}/${entry.date}`;
    const day = printed.has(key)
      ? undefined
      : line.month.days.find((candidate) => candidate.date === entry.date);
    printed.add(key);
    return [
      formatShortDate(entry.date),
      line.person.staffNumber,
      line.person.name,
      `${entry.start}–${entry.end}`,
      entry.reason,
      day === undefined ? "" : formatDuration(day.overtimeMinutes),
    ];
  });
  const totalRows = report.people
    .filter(
      (line) =>
        line.month.totals.overtimeMinutes > 0 ||
        line.month.entries.some((entry) => entry.kind === "overtimeOrder"),
    )
    .map((line) => [
      "月計",
      line.person.staffNumber,
      line.person.name,
      "",
      "",
      formatDuration(line.month.totals.overtimeMinutes),
    ]);
  return [[...overtimeOrderHeader], ...orderRows, ...totalRows];
}

export const leaveHeader = ["日付", "職員番号", "氏名", "休暇の種類", "時間", "理由"] as const;

/** 休暇処理簿: every leave entry by date, then staff number; 全日 or the hours taken. */
export function buildLeaveTable(report: MonthReport): TextTable {
  const leaves = report.people.flatMap((line) =>
    line.month.entries.flatMap((entry) => (entry.kind === "leave" ? [{ person: line.person, entry }] : [])),
  );
  leaves.sort(
    (a, b) =>
      compareText(a.entry.date, b.entry.date) ||
      compareText(a.person.staffNumber, b.person.staffNumber) ||
      compareText(a.entry.start ?? "", b.entry.start ?? ""),
  );
  const rows = leaves.map(({ person, entry }) => [
    formatShortDate(entry.date),
    person.staffNumber,
    person.name,
    nameLeaveType(entry.leaveType, report.leaveTypeNames),
    entry.start === null || entry.end === null ? "全日" : `${entry.start}–${entry.end}`,
    entry.reason,
  ]);
  return [[...leaveHeader], ...rows];
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
