import {
  attendanceEntryInputSchema,
  attendanceEntryParamsSchema,
  attendanceEntrySchema,
  bookParamsSchema,
  bookQuerySchema,
  departmentMonthParamsSchema,
  departmentMonthSchema,
  monthCloseStateSchema,
  myMonthParamsSchema,
  okSchema,
  payrollLayoutSchema,
  payrollQuerySchema,
  reopenMonthInputSchema,
  staffMonthParamsSchema,
  staffMonthSchema,
} from "@tobira/protocol";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { ReportFile } from "../attendance-reports/month-report";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { type Api, signedInUser } from "../http/api";
import { formatContentDisposition } from "../staff-import/content-disposition";
import { recordAttendanceEntry, removeAttendanceEntry } from "./attendance-entry-use-cases";
import { changePayrollLayout, exportBook, exportPayroll } from "./attendance-outputs";
import { readDepartmentMonth } from "./department-month";
import { closeDepartmentMonth, reopenDepartmentMonth } from "./month-close-use-cases";
import { readPayrollLayout } from "./payroll-layout-repository";
import { readStaffMonth } from "./read-staff-month";

const tags = ["attendance"];
const staffParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export function registerAttendanceRoutes(api: Api, deps: Deps): void {
  // Everyone reads their own month; an account not tied to a staff member has none.
  api.get(
    "/api/attendance/me/months/:month",
    {
      config: { access: "signedIn" },
      schema: { tags, params: myMonthParamsSchema, response: { 200: staffMonthSchema } },
    },
    async (request) => {
      const { staffId } = signedInUser(request);
      if (staffId === null) throw new AppError("not_found", "This account is not tied to a staff member");
      return readStaffMonth(deps, staffId, request.params.month);
    },
  );

  // Section heads, HR and auditors read anyone's month.
  api.get(
    "/api/attendance/staff/:id/months/:month",
    {
      config: { access: "attendance.read" },
      schema: { tags, params: staffMonthParamsSchema, response: { 200: staffMonthSchema } },
    },
    async (request) => readStaffMonth(deps, request.params.id, request.params.month),
  );

  api.post(
    "/api/attendance/staff/:id/entries",
    {
      config: { access: "attendance.correct" },
      schema: {
        tags,
        params: staffParamsSchema,
        body: attendanceEntryInputSchema,
        response: { 200: attendanceEntrySchema },
      },
    },
    async (request) =>
      recordAttendanceEntry(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  api.delete(
    "/api/attendance/entries/:entryId",
    {
      config: { access: "attendance.correct" },
      schema: { tags, params: attendanceEntryParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await removeAttendanceEntry(deps, signedInUser(request).loginId, request.params.entryId);
      return { ok: true as const };
    },
  );

  api.get(
    "/api/attendance/departments/:id/months/:month",
    {
      config: { access: "attendance.read" },
      schema: { tags, params: departmentMonthParamsSchema, response: { 200: departmentMonthSchema } },
    },
    async (request) => readDepartmentMonth(deps, request.params.id, request.params.month),
  );

  api.post(
    "/api/attendance/departments/:id/months/:month/close",
    {
      config: { access: "attendance.close" },
      schema: { tags, params: departmentMonthParamsSchema, response: { 200: monthCloseStateSchema } },
    },
    async (request) =>
      closeDepartmentMonth(deps, signedInUser(request).loginId, request.params.id, request.params.month),
  );

  api.post(
    "/api/attendance/departments/:id/months/:month/reopen",
    {
      config: { access: "attendance.reopen" },
      schema: {
        tags,
        params: departmentMonthParamsSchema,
        body: reopenMonthInputSchema,
        response: { 200: monthCloseStateSchema },
      },
    },
    async (request) =>
      reopenDepartmentMonth(
        deps,
        signedInUser(request).loginId,
        request.params.id,
        request.params.month,
        request.body.reason,
      ),
  );

  api.get(
    "/api/attendance/departments/:id/months/:month/books/:book",
    {
      config: { access: "attendance.read" },
      schema: { tags, params: bookParamsSchema, querystring: bookQuerySchema },
    },
    async (request, reply) => {
      const { id, month, book } = request.params;
      return sendFile(reply, await exportBook(deps, id, month, book, request.query.format));
    },
  );

  api.get(
    "/api/attendance/departments/:id/months/:month/payroll",
    {
      config: { access: "payroll.export" },
      schema: { tags, params: departmentMonthParamsSchema, querystring: payrollQuerySchema },
    },
    async (request, reply) => {
      const { id, month } = request.params;
      const actor = signedInUser(request).loginId;
      return sendFile(reply, await exportPayroll(deps, actor, id, month, request.query.encoding));
    },
  );

  api.get(
    "/api/attendance/payroll-layout",
    { config: { access: "payroll.export" }, schema: { tags, response: { 200: payrollLayoutSchema } } },
    async () => readPayrollLayout(deps.db),
  );

  api.put(
    "/api/attendance/payroll-layout",
    {
      config: { access: "payroll.export" },
      schema: { tags, body: payrollLayoutSchema, response: { 200: payrollLayoutSchema } },
    },
    async (request) => changePayrollLayout(deps, signedInUser(request).loginId, request.body),
  );
}

function sendFile(reply: FastifyReply, file: ReportFile) {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", formatContentDisposition(file.fileName))
    .header("cache-control", "no-store")
    .send(file.body);
}
