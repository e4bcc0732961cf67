import { overtimeBuckets } from "@tobira/core/attendance";
import { z } from "zod";
import {
  attendanceMonthTotalsSchema,
  dayProblemSchema,
  localMonthSchema,
  monthCloseStateSchema,
  overtimeCapStatusSchema,
} from "./attendance-month";
import { idSchema } from "./common";

/*
 * A department's month as section heads and HR see it: everyone in it with their totals and their
 * overtime against the caps, every unresolved problem, and whether the month is closed (締め).
 * The department's staff are those assigned to it or to a section under it on the month's last day
 * (their last day, for someone who left during the month).
 */

export const departmentMonthParamsSchema = z.object({ id: idSchema, month: localMonthSchema });

const minutes = z.number().int().nonnegative();

export const departmentMonthStaffSchema = z.object({
  staffId: z.number().int(),
  staffNumber: z.string(),
  name: z.string(),
  departmentName: z.string(),
  employmentType: z.string(),
  scheduledMinutes: minutes,
  workedMinutes: minutes,
  leaveMinutes: minutes,
  totals: attendanceMonthTotalsSchema,
  problemCount: minutes,
  caps: overtimeCapStatusSchema,
});
export type DepartmentMonthStaffDto = z.infer<typeof departmentMonthStaffSchema>;

export const departmentMonthProblemSchema = z.object({
  staffId: z.number().int(),
  staffNumber: z.string(),
  name: z.string(),
  date: z.string(),
  problem: dayProblemSchema,
});
export type DepartmentMonthProblemDto = z.infer<typeof departmentMonthProblemSchema>;

export const departmentMonthSchema = z.object({
  department: z.object({ id: z.number().int(), name: z.string() }),
  month: localMonthSchema,
  close: monthCloseStateSchema,
  staff: z.array(departmentMonthStaffSchema),
  problems: z.array(departmentMonthProblemSchema),
});
export type DepartmentMonthDto = z.infer<typeof departmentMonthSchema>;

export const reopenMonthInputSchema = z.object({
  reason: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
});

// ---- outputs ----

export const attendanceBooks = ["attendance", "overtimeOrders", "leave"] as const;
export type AttendanceBook = (typeof attendanceBooks)[number];

export const bookParamsSchema = departmentMonthParamsSchema.extend({ book: z.enum(attendanceBooks) });
export const bookQuerySchema = z.object({ format: z.enum(["pdf", "xlsx"]).default("pdf") });

export const payrollEncodings = ["utf8", "shift_jis"] as const;
export const payrollQuerySchema = z.object({ encoding: z.enum(payrollEncodings).optional() });

const bucketFieldNames = overtimeBuckets.flatMap((bucket) =>
  (["upTo60", "over60"] as const).flatMap((tier) => [
    `overtime.${bucket}.${tier}.minutes` as const,
    `overtime.${bucket}.${tier}.hours` as const,
  ]),
);

/** What a payroll column can carry: who, and each figure of the month (minutes, or hours rounded once). */
export const payrollFields = [
  "month",
  "staffNumber",
  "name",
  "departmentCode",
  "departmentName",
  "employmentType",
  "scheduledMinutes",
  "workedMinutes",
  "leaveMinutes",
  "overtimeMinutes",
  "nightShiftMinutes",
  "nightShiftHours",
  "holidayWorkMinutes",
  "holidayWorkHours",
  ...bucketFieldNames,
] as const;
export type PayrollField = (typeof payrollFields)[number];

export const payrollColumnSchema = z.object({
  header: z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters"),
  field: z.enum(payrollFields),
});
export type PayrollColumn = z.infer<typeof payrollColumnSchema>;

/** The town's payroll file: its columns in order and its encoding. */
export const payrollLayoutSchema = z.object({
  columns: z.array(payrollColumnSchema).min(1, "needs at least one column").max(80),
  encoding: z.enum(payrollEncodings),
});
export type PayrollLayout = z.infer<typeof payrollLayoutSchema>;
