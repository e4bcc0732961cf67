import { type PayrollLayout, payrollLayoutSchema } from "@tobira/protocol";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { createMonthReport } from "./month-report.fixture";
import { defaultPayrollLayout, writePayrollFile } from "./payroll-file";

const utf8Bom = [0xef, 0xbb, 0xbf];

function readCsv(body: Buffer, encoding: "utf8" | "cp932" = "utf8"): string[][] {
  const text = iconv.decode(body, encoding).replace(/^\uFEFF/, "");
  return parse(text);
}

const figuresLayout: PayrollLayout = {
  encoding: "utf8",
  columns: [
    { header: "職員番号", field: "staffNumber" },
    { header: "月", field: "month" },
    { header: "平日昼60まで分", field: "overtime.weekdayDay.upTo60.minutes" },
    { header: "平日昼60超分", field: "overtime.weekdayDay.over60.minutes" },
    { header: "平日昼60超時間", field: "overtime.weekdayDay.over60.hours" },
    { header: "時間外分", field: "overtimeMinutes" },
    { header: "夜勤分", field: "nightShiftMinutes" },
    { header: "夜勤時間", field: "nightShiftHours" },
    { header: "休日勤務分", field: "holidayWorkMinutes" },
    { header: "休日勤務時間", field: "holidayWorkHours" },
    { header: "正規の勤務時間", field: "scheduledMinutes" },
    { header: "勤務分", field: "workedMinutes" },
    { header: "休暇分", field: "leaveMinutes" },
  ],
};

describe("writePayrollFile", () => {
  it("writes the layout's headers, then a row per person in report order", () => {
    const report = createMonthReport();
    const [header, ...rows] = readCsv(writePayrollFile(report, defaultPayrollLayout).body);
    expect(header).toEqual(defaultPayrollLayout.columns.map((column) => column.header));
    expect(rows.map((row) => row[1])).toEqual(report.people.map((line) => line.person.staffNumber));
    expect(rows[0]?.slice(0, 6)).toEqual(["2026-10", "1001", "山田 太郎", "010", "総務課", "正規職員"]);
  });

  it("carries exactly the month's totals and the sums of the days for the chosen fields", () => {
    const report = createMonthReport();
    const [, , sato] = readCsv(writePayrollFile(report, figuresLayout).body);
    const line = report.people[1];
    if (line === undefined) throw new Error("the fixture has two people");
    const { totals, days } = line.month;
    const sum = (pick: (day: (typeof days)[number]) => number) =>
      days.reduce((total, day) => total + pick(day), 0);
    expect(sato).toEqual(
      [
        line.person.staffNumber,
        report.month,
        totals.minutes.weekdayDay.upTo60,
        totals.minutes.weekdayDay.over60,
        totals.hours.weekdayDay.over60,
        totals.overtimeMinutes,
        totals.nightShiftMinutes,
        totals.nightShiftHours,
        totals.holidayWorkMinutes,
        totals.holidayWorkHours,
        sum((day) => day.scheduledMinutes),
        sum((day) => day.workedMinutes),
        sum((day) => day.leaveMinutes),
      ].map(String),
    );
    // The fixture crosses the 60-hour line, so the over-60 column is not trivially zero.
    expect(totals.minutes.weekdayDay.over60).toBeGreaterThan(0);
  });

  it("gives every bucket and tier its rounded hours in the default layout", () => {
    const report = createMonthReport();
    expect(payrollLayoutSchema.safeParse(defaultPayrollLayout).success).toBe(true);
    const [header = [], , sato = []] = readCsv(writePayrollFile(report, defaultPayrollLayout).body);
    const totals = report.people[1]?.month.totals;
    expect(header).toContain("時間外 平日昼 60h以下(時間)");
    expect(sato[header.indexOf("時間外 平日昼 60h以下(時間)")]).toBe(String(totals?.hours.weekdayDay.upTo60));
    expect(sato[header.indexOf("時間外 平日昼 60h超(時間)")]).toBe(String(totals?.hours.weekdayDay.over60));
    expect(sato[header.indexOf("夜勤手当(時間)")]).toBe(String(totals?.nightShiftHours));
    expect(sato[header.indexOf("休日勤務(時間)")]).toBe(String(totals?.holidayWorkHours));
    expect(header.filter((name) => name.startsWith("時間外 "))).toHaveLength(16);
  });

  it("writes UTF-8 with a BOM and CRLF line ends, named by department and month", () => {
    const file = writePayrollFile(createMonthReport(), defaultPayrollLayout);
    expect([...file.body.subarray(0, 3)]).toEqual(utf8Bom);
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.fileName).toBe("payroll-010-2026-10.csv");
    const text = file.body.toString("utf8");
    expect(text.split("\r\n")).toHaveLength(4);
    expect(text.replaceAll("\r\n", "")).not.toContain("\n");
  });

  it("writes Shift_JIS (CP932) without a BOM that decodes back to the same text", () => {
    const report = createMonthReport();
    const utf8 = writePayrollFile(report, defaultPayrollLayout);
    const shiftJis = writePayrollFile(report, { ...defaultPayrollLayout, encoding: "shift_jis" });
    expect(shiftJis.contentType).toBe("text/csv; charset=Shift_JIS");
    expect([...shiftJis.body.subarray(0, 3)]).not.toEqual(utf8Bom);
    expect(iconv.decode(shiftJis.body, "cp932")).toBe(utf8.body.toString("utf8").replace(/^\uFEFF/, ""));
    expect(readCsv(shiftJis.body, "cp932")[1]?.[2]).toBe("山田 太郎");
  });

  it("escapes a cell a spreadsheet would run as a formula", () => {
    const report = createMonthReport({ "1001": { name: '=HYPERLINK("http://x")' } });
    const [, yamada] = readCsv(writePayrollFile(report, defaultPayrollLayout).body);
    expect(yamada?.[2]).toBe('\'=HYPERLINK("http://x")');
  });
});
