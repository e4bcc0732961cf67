import type { AttendanceBook } from "@tobira/protocol";
import { writeAttendanceBookPdf } from "./attendance-book-pdf";
import { writeBookXlsx } from "./book-xlsx";
import { writeLeaveBookPdf } from "./leave-book-pdf";
import type { MonthReport, ReportFile } from "./month-report";
import { writeOvertimeOrderBookPdf } from "./overtime-order-book-pdf";

export type BookFormat = "pdf" | "xlsx";

const fileStems: Record<AttendanceBook, string> = {
  attendance: "attendance-book",
  overtimeOrders: "overtime-orders",
  leave: "leave",
};

const pdfWriters: Record<AttendanceBook, (report: MonthReport) => Promise<Buffer>> = {
  attendance: writeAttendanceBookPdf,
  overtimeOrders: writeOvertimeOrderBookPdf,
  leave: writeLeaveBookPdf,
};

const contentTypes: Record<BookFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** One of the department's books for the month, as a printable PDF or an Excel workbook. */
export async function writeBook(
  book: AttendanceBook,
  format: BookFormat,
  report: MonthReport,
): Promise<ReportFile> {
  return {
    fileName: `${fileStems[book]}-${report.department.code}-${report.month}.${format}`,
    contentType: contentTypes[format],
    body: format === "pdf" ? await pdfWriters[book](report) : await writeBookXlsx(book, report),
  };
}
