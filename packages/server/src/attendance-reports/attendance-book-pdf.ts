import { buildAttendanceSheets } from "./book-tables";
import type { MonthReport } from "./month-report";
import { type PdfSection, writeTablePdf } from "./pdf-table";
import { describeBookHeading } from "./report-labels";

// 日 曜日 区分 出勤 退勤 勤務 休暇 時間外 夜勤 備考
const dayWeights = [3, 3, 5, 5, 5, 5, 5, 5, 5, 26];
const totalsWeights = [14, 8, 8, 8, 8];

/** 出勤簿: A4 portrait, each person from a new page: a row per day, then the month's overtime totals. */
export function writeAttendanceBookPdf(report: MonthReport): Promise<Buffer> {
  const heading = describeBookHeading(report);
  const sections = buildAttendanceSheets(report).map(
    (sheet): PdfSection => ({
      heading: `所属: ${heading.departmentName}    職員番号: ${sheet.person.staffNumber}    氏名: ${sheet.person.name}    対象月: ${heading.monthLabel}`,
      blocks: [
        { kind: "table", table: sheet.days, weights: dayWeights, rightAligned: [0, 5, 6, 7, 8] },
        { kind: "table", table: sheet.totals, weights: totalsWeights, rightAligned: [1, 2, 3, 4] },
        { kind: "text", lines: sheet.notes },
      ],
    }),
  );
  return writeTablePdf({
    title: "出勤簿",
    documentTitle: `出勤簿 ${heading.departmentName} ${heading.monthLabel}`,
    layout: "portrait",
    printedOn: heading.printedOn,
    createdAt: report.printedAt,
    sections:
      sections.length > 0
        ? sections
        : [
            {
              heading: `所属: ${heading.departmentName}    対象月: ${heading.monthLabel}`,
              blocks: [{ kind: "text", lines: ["対象の職員はいません。"] }],
            },
          ],
  });
}
