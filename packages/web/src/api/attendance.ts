import {
  type AttendanceBook,
  type AttendanceEntryDto,
  type AttendanceEntryInput,
  attendanceEntrySchema,
  type DepartmentMonthDto,
  departmentMonthSchema,
  type MonthCloseStateDto,
  monthCloseStateSchema,
  okSchema,
  type PayrollLayout,
  payrollLayoutSchema,
  type StaffMonthDto,
  staffMonthSchema,
} from "@tobira/protocol";
import { request, requestBlob } from "./client";

/** 勤務の月: a person's month, a department's month, its close (締め), and the books and payroll file. */

export type BookFormat = "pdf" | "xlsx";
export type PayrollEncoding = PayrollLayout["encoding"];

export function getMyMonth(month: string, signal?: AbortSignal): Promise<StaffMonthDto> {
  return request("GET", `/api/attendance/me/months/${month}`, { parser: staffMonthSchema, signal });
}

export function getStaffMonth(staffId: number, month: string, signal?: AbortSignal): Promise<StaffMonthDto> {
  return request("GET", `/api/attendance/staff/${staffId}/months/${month}`, {
    parser: staffMonthSchema,
    signal,
  });
}

/** The server answers 409 `conflict` when the month is closed. */
export function createAttendanceEntry(
  staffId: number,
  body: AttendanceEntryInput,
): Promise<AttendanceEntryDto> {
  return request("POST", `/api/attendance/staff/${staffId}/entries`, { parser: attendanceEntrySchema, body });
}

export async function deleteAttendanceEntry(entryId: number): Promise<void> {
  await request("DELETE", `/api/attendance/entries/${entryId}`, { parser: okSchema });
}

export function getDepartmentMonth(
  departmentId: number,
  month: string,
  signal?: AbortSignal,
): Promise<DepartmentMonthDto> {
  return request("GET", `/api/attendance/departments/${departmentId}/months/${month}`, {
    parser: departmentMonthSchema,
    signal,
  });
}

/** Refused with 409 `conflict` and the remaining problems as issues while any day does not reconcile. */
export function closeMonth(departmentId: number, month: string): Promise<MonthCloseStateDto> {
  return request("POST", `/api/attendance/departments/${departmentId}/months/${month}/close`, {
    parser: monthCloseStateSchema,
  });
}

export function reopenMonth(
  departmentId: number,
  month: string,
  reason: string,
): Promise<MonthCloseStateDto> {
  return request("POST", `/api/attendance/departments/${departmentId}/months/${month}/reopen`, {
    parser: monthCloseStateSchema,
    body: { reason },
  });
}

export function downloadBook(
  departmentId: number,
  month: string,
  book: AttendanceBook,
  format: BookFormat,
): Promise<{ blob: Blob; fileName: string | null }> {
  return requestBlob(`/api/attendance/departments/${departmentId}/months/${month}/books/${book}`, {
    query: { format },
  });
}

/** 409 while the month is not closed. */
export function downloadPayroll(
  departmentId: number,
  month: string,
  encoding: PayrollEncoding,
): Promise<{ blob: Blob; fileName: string | null }> {
  return requestBlob(`/api/attendance/departments/${departmentId}/months/${month}/payroll`, {
    query: { encoding },
  });
}

export function getPayrollLayout(signal?: AbortSignal): Promise<PayrollLayout> {
  return request("GET", "/api/attendance/payroll-layout", { parser: payrollLayoutSchema, signal });
}

export function savePayrollLayout(body: PayrollLayout): Promise<PayrollLayout> {
  return request("PUT", "/api/attendance/payroll-layout", { parser: payrollLayoutSchema, body });
}
