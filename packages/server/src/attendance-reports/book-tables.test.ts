import { formatWareki } from "@tobira/core";
import type { AttendanceEntryDto } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import {
  attendanceDayHeader,
  buildAttendanceSheets,
  buildLeaveTable,
  buildOvertimeOrderTable,
  leaveHeader,
  overtimeOrderHeader,
} from "./book-tables";
import type { MonthReport, ReportPersonMonth } from "./month-report";
import { createMonthReport } from "./month-report.fixture";
import { formatDuration } from "./report-labels";

function personOf(report: MonthReport, staffNumber: string): ReportPersonMonth {
  const line = report.people.find((candidate) => candidate.person.staffNumber === staffNumber);
  if (line === undefined) throw new Error(`no ${staffNumber} in the fixture`);
  return line;
}

function column(name: (typeof attendanceDayHeader)[number]): number {
  return attendanceDayHeader.indexOf(name);
}

describe("buildAttendanceSheets", () => {
  const report = createMonthReport();
  const [yamada, sato] = buildAttendanceSheets(report);
  const dayRow = (rows: string[][] | undefined, day: number) =>
    rows?.find((row) => row[0] === String(day)) ?? [];

  it("prints a row per day of the month between the header and the 計 row", () => {
    expect(yamada?.days[0]).toEqual([...attendanceDayHeader]);
    expect(yamada?.days).toHaveLength(1 + 31 + 1);
    expect(yamada?.days.at(-1)?.[0]).toBe("計");
    expect(dayRow(yamada?.days, 3).slice(1, 3)).toEqual(["土", "週休日"]);
    expect(dayRow(yamada?.days, 12)[column("区分")]).toBe("休日");
  });

  it("writes a night shift's clock-out past 24:00 and its 夜勤 minutes", () => {
    const row = dayRow(sato?.days, 9);
    const day = personOf(report, "1002").month.days.find((candidate) => candidate.date === "2026-10-09");
    expect(row[column("退勤")]).toBe("25:10");
    expect(row[column("夜勤")]).toBe(formatDuration(day?.nightShiftMinutes ?? -1));
  });

  it("names the day's problems and entries in 備考", () => {
    expect(dayRow(yamada?.days, 8)[column("退勤")]).toBe("");
    expect(dayRow(yamada?.days, 8)[column("備考")]).toBe("退勤打刻なし");
    expect(dayRow(yamada?.days, 14)[column("備考")]).toBe("年次有給休暇");
    expect(dayRow(yamada?.days, 20)[column("備考")]).toBe("病気休暇");
    expect(dayRow(yamada?.days, 22)[column("備考")]).toBe("打刻修正");
    expect(dayRow(sato?.days, 12)[column("備考")]).toBe("休日勤務(手当)");
    const satoDays = personOf(report, "1002").month.days;
    const unordered = satoDays.find((day) => day.date === "2026-10-28")?.problems[0];
    const divergence = satoDays.find((day) => day.date === "2026-10-29")?.problems[0];
    expect(unordered?.kind).toBe("overtime_without_order");
    expect(divergence?.kind).toBe("divergence");
    const minutesOf = (problem: typeof unordered) => (problem && "minutes" in problem ? problem.minutes : -1);
    expect(dayRow(sato?.days, 28)[column("備考")]).toBe(`命令のない時間外 ${minutesOf(unordered)}分`);
    expect(dayRow(sato?.days, 29)[column("備考")]).toBe(`乖離 ${minutesOf(divergence)}分 理由未入力`);
  });

  it("totals each bucket and tier with its rounded hours, and notes when the 60 hours were passed", () => {
    const { totals } = personOf(report, "1002").month;
    expect(sato?.totals[1]).toEqual([
      "時間外 平日 昼",
      formatDuration(totals.minutes.weekdayDay.upTo60),
      String(totals.hours.weekdayDay.upTo60),
      formatDuration(totals.minutes.weekdayDay.over60),
      String(totals.hours.weekdayDay.over60),
    ]);
    expect(sato?.totals).toHaveLength(1 + 8);
    expect(sato?.days.at(-1)?.[column("時間外")]).toBe(formatDuration(totals.overtimeMinutes));
    expect(sato?.notes).toContain(`60時間超の開始日 ${formatWareki(totals.over60StartedOn ?? "")}`);
    expect(yamada?.notes.some((note) => note.startsWith("60時間超"))).toBe(false);
  });
});

describe("buildOvertimeOrderTable", () => {
  it("lists every order by date, then staff number, and each person's month total", () => {
    const report = createMonthReport();
    const [header, ...rows] = buildOvertimeOrderTable(report);
    expect(header).toEqual([...overtimeOrderHeader]);
    const orderCount = report.people
      .flatMap((line) => line.month.entries)
      .filter((e) => e.kind === "overtimeOrder").length;
    expect(rows).toHaveLength(orderCount + 2);
    const october6 = rows.filter((row) => row[0] === "10/6(火)");
    expect(october6.map((row) => row[1])).toEqual(["1001", "1002"]);
    const yamadaDay = personOf(report, "1001").month.days.find((day) => day.date === "2026-10-06");
    expect(october6[0]).toEqual([
      "10/6(火)",
      "1001",
      "山田 太郎",
      "17:15–20:00",
      "議会答弁資料の作成",
      formatDuration(yamadaDay?.overtimeMinutes ?? -1),
    ]);
    expect(rows.slice(-2)).toEqual(
      report.people.map((line) => [
        "月計",
        line.person.staffNumber,
        line.person.name,
        "",
        "",
        formatDuration(line.month.totals.overtimeMinutes),
      ]),
    );
  });

  it("prints a day's overtime once when the person had two orders that day", () => {
    const report = createMonthReport();
    const yamada = personOf(report, "1001");
    const second: AttendanceEntryDto = {
      kind: "overtimeOrder",
      date: "2026-10-06",
      start: "20:00",
      end: "20:30",
      reason: "会議室の片付け",
      id: 999,
      staffId: yamada.person.staffId,
      recordedBy: "jinji",
      recordedAt: "2026-11-01T00:00:00.000Z",
    };
    yamada.month.entries.push(second);
    const rows = buildOvertimeOrderTable(report).filter((row) => row[0] === "10/6(火)" && row[1] === "1001");
    expect(rows.map((row) => row[3])).toEqual(["17:15–20:00", "20:00–20:30"]);
    expect(rows[0]?.[5]).not.toBe("");
    expect(rows[1]?.[5]).toBe("");
  });
});

describe("buildLeaveTable", () => {
  it("lists every leave by date with its type name and 全日 or the hours", () => {
    const [header, ...rows] = buildLeaveTable(createMonthReport());
    expect(header).toEqual([...leaveHeader]);
    expect(rows).toEqual([
      ["10/14(水)", "1001", "山田 太郎", "年次有給休暇", "13:00–17:15", "通院"],
      ["10/20(火)", "1001", "山田 太郎", "病気休暇", "全日", "発熱"],
    ]);
  });

  it("falls back to the leave type's code when it has no name", () => {
    const report = { ...createMonthReport(), leaveTypeNames: new Map<string, string>() };
    expect(
      buildLeaveTable(report)
        .slice(1)
        .map((row) => row[3]),
    ).toEqual(["annual", "sick"]);
  });
});
