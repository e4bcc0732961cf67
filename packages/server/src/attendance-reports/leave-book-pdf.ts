import { buildLeaveTable } from "./book-tables";
import type { MonthReport } from "./month-report";
import { writeTablePdf } from "./pdf-table";
import { describeBookHeading } from "./report-labels";

// 日付 職員番号 氏名 休暇の種類 時間 理由
const weights = [7, 6, 10, 12, 9, 30];

/** 休暇処理簿: A4 landscape, every leave taken in the month by date. */
export function writeLeaveBookPdf(report: MonthReport): Promise<Buffer> {
  const heading = describeBookHeading(report);
  return writeTablePdf({
    title: "休暇処理簿",
    documentTitle: `休暇処理簿 ${heading.departmentName} ${heading.monthLabel}`,
    layout: "landscape",
    printedOn: heading.printedOn,
    createdAt: report.printedAt,
    sections: [
      {
        heading: `所属: ${heading.departmentName}    対象月: ${heading.monthLabel}`,
        blocks: [
          {
            kind: "table",
            table: buildLeaveTable(report),
            weights,
            emptyText: "この月の休暇はありません。",
          },
        ],
      },
    ],
  });
}
