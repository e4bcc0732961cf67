import type { AttendanceBook } from "@tobira/protocol";
import {
  buildAttendanceSheets,
  buildLeaveTable,
  buildOvertimeOrderTable,
  type TextTable,
} from "./book-tables";
import type { MonthReport } from "./month-report";
import { type BookHeading, describeBookHeading } from "./report-labels";

/** A book laid out as a spreadsheet: a heading above its tables. */
export interface BookSheet {
  name: string;
  rows: TextTable;
  /** Indexes of the rows set in bold: the title and the tables' header rows. */
  boldRows: number[];
  /** How many rows from the top stay in view when scrolling (down to the first table's header). */
  frozenRows: number;
}

export const bookTitles: Record<AttendanceBook, string> = {
  attendance: "出勤簿",
  overtimeOrders: "時間外勤務命令簿",
  leave: "休暇処理簿",
};

/** The book as sheets: for 出勤簿 one per person named by staff number, otherwise one. */
export function buildBookSheets(book: AttendanceBook, report: MonthReport): BookSheet[] {
  const heading = describeBookHeading(report);
  if (book === "attendance") {
    return buildAttendanceSheets(report).map((sheet) =>
      layOutSheet(
        sheet.person.staffNumber,
        [
          [bookTitles.attendance],
          ["所属", heading.departmentName, "職員番号", sheet.person.staffNumber, "氏名", sheet.person.name],
          ["対象月", heading.monthLabel, "印刷日", heading.printedOn],
        ],
        [sheet.days, sheet.totals],
        sheet.notes.map((note) => [note]),
      ),
    );
  }
  const table = book === "overtimeOrders" ? buildOvertimeOrderTable(report) : buildLeaveTable(report);
  return [layOutSheet(bookTitles[book], departmentHeading(bookTitles[book], heading), [table], [])];
}

function departmentHeading(title: string, heading: BookHeading): TextTable {
  return [
    [title],
    ["所属", heading.departmentName, "対象月", heading.monthLabel, "印刷日", heading.printedOn],
  ];
}

function layOutSheet(
  name: string,
  heading: TextTable,
  tables: readonly TextTable[],
  notes: TextTable,
): BookSheet {
  const rows: TextTable = [...heading];
  const boldRows = [0];
  let frozenRows = 0;
  for (const table of tables) {
    rows.push([]);
    boldRows.push(rows.length);
    if (frozenRows === 0) frozenRows = rows.length + 1;
    rows.push(...table);
  }
  if (notes.length > 0) rows.push([], ...notes);
  return { name, rows, boldRows, frozenRows };
}
