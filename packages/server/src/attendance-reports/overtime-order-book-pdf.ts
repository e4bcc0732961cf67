import { buildOvertimeOrderTable } from "./book-tables";
import type { MonthReport } from "./month-report";
import { writeTablePdf } from "./pdf-table";
import { describeBookHeading } from "./report-labels";

// 日付 職員番号 氏名 命令時間 業務内容 実績
const weights = [7, 6, 10, 9, 30, 6];

/** 時間外勤務命令簿: A4 landscape, every order of the month with the overtime worked and each person's total. */
export function writeOvertimeOrderBookPdf(report: MonthReport): Promise<Buffer> {
  const heading = describeBookHeading(report);
  return writeTablePdf({
    title: "時間外勤務命令簿",
    documentTitle: `時間外勤務命令簿 ${heading.departmentName} ${heading.monthLabel}`,
    layout: "landscape",
    printedOn: heading.printedOn,
    createdAt: report.printedAt,
    sections: [
      {
        heading: `所属: ${heading.departmentName}    対象月: ${heading.monthLabel}`,
        blocks: [
          {
            kind: "table",
            table: buildOvertimeOrderTable(report),
            weights,
            rightAligned: [5],
            emptyText: "この月の時間外勤務命令はありません。",
          },
        ],
      },
    ],
  });
}
