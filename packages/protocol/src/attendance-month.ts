import { overtimeBuckets } from "@tobira/core/attendance";
import { z } from "zod";
import { attendanceEntrySchema } from "./attendance-entries";
import { idSchema, localDateSchema } from "./common";

/** A calendar month written YYYY-MM (01–12). */
export const localMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month written YYYY-MM");

export const staffMonthParamsSchema = z.object({ id: idSchema, month: localMonthSchema });
export const myMonthParamsSchema = z.object({ month: localMonthSchema });

const overtimeBucketKeys = overtimeBuckets;

const minutes = z.number().int().nonnegative();
const bucketMinutesSchema = z.record(z.enum(overtimeBucketKeys), minutes);
const tierAmountsSchema = z.object({ upTo60: minutes, over60: minutes });
const bucketTierAmountsSchema = z.record(z.enum(overtimeBucketKeys), tierAmountsSchema);

/** A time of the work day, "08:30"; past midnight it runs on ("25:10"). */
const workClockSchema = z.string().regex(/^\d{2,}:[0-5]\d$/);

export const dayProblemSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("missing_clock_in") }),
  z.object({ kind: z.literal("missing_clock_out") }),
  z.object({ kind: z.literal("overtime_without_order"), minutes }),
  z.object({ kind: z.literal("divergence"), minutes }),
]);

export const attendanceDaySchema = z.object({
  date: localDateSchema,
  dayKind: z.enum(["workday", "weeklyRest", "holiday"]),
  clockIn: workClockSchema.nullable(),
  clockOut: workClockSchema.nullable(),
  scheduledMinutes: minutes,
  workedMinutes: minutes,
  leaveMinutes: minutes,
  overtime: bucketMinutesSchema,
  overtimeMinutes: minutes,
  nightShiftMinutes: minutes,
  holidayWorkMinutes: minutes,
  problems: z.array(dayProblemSchema),
});
export type AttendanceDayDto = z.infer<typeof attendanceDaySchema>;

export const attendanceMonthTotalsSchema = z.object({
  minutes: bucketTierAmountsSchema,
  hours: bucketTierAmountsSchema,
  overtimeMinutes: minutes,
  thresholdMinutes: minutes,
  capMinutes: minutes,
  nightShiftMinutes: minutes,
  nightShiftHours: minutes,
  holidayWorkMinutes: minutes,
  holidayWorkHours: minutes,
  over60StartedOn: localDateSchema.nullable(),
});

export const monthCloseEventSchema = z.object({
  closedBy: z.string(),
  closedAt: z.string(),
  reopenedBy: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
});

/** Closed when the latest close has not been reopened; `history` is oldest first. */
export const monthCloseStateSchema = z.object({
  closed: z.boolean(),
  /** The department whose close covers this one (itself or a department above it), when closed. */
  closedByDepartmentId: z.number().int().nullable(),
  history: z.array(monthCloseEventSchema),
});
export type MonthCloseStateDto = z.infer<typeof monthCloseStateSchema>;

/** One person's overtime against the caps that apply to their section (month, fiscal year to date). */
export const overtimeCapStatusSchema = z.object({
  section: z.enum(["ordinary", "externallyDriven"]),
  monthMinutes: minutes,
  /** The month cap (45 h ordinary; below 100 h for 他律的 sections). */
  monthCapMinutes: minutes,
  fiscalYearMinutes: minutes,
  fiscalYearCapMinutes: minutes,
  /**
   * Findings from the cap checks: month_cap, year_cap, average_cap (a 2–6-month window of a 他律的
   * section), months_over_45, health_notify (over 80 h), health_interview (100 h or more).
   */
  findings: z.array(z.object({ kind: z.string(), message: z.string() })),
  /** The rules' health-notice line (80 h), above which a notice goes out. */
  healthNoticeMinutes: minutes,
  /** 80 h: a health notice; 100 h: an interview with the doctor. */
  health: z.enum(["none", "notify", "interview"]),
});
export type OvertimeCapStatusDto = z.infer<typeof overtimeCapStatusSchema>;

/**
 * One person's month: each day of their employment in it, the month's totals, the entries recorded for
 * it (corrections, orders, leave …), their overtime against the caps, and whether their month is closed.
 */
export const staffMonthSchema = z.object({
  staffId: z.number().int(),
  month: localMonthSchema,
  days: z.array(attendanceDaySchema),
  totals: attendanceMonthTotalsSchema,
  entries: z.array(attendanceEntrySchema),
  caps: overtimeCapStatusSchema,
  close: monthCloseStateSchema,
});
export type StaffMonthDto = z.infer<typeof staffMonthSchema>;
