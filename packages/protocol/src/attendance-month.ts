import { overtimeBuckets } from "@tobira/core/attendance";
import { z } from "zod";
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

/** One person's month: each day of their employment in it, and the month's totals. */
export const staffMonthSchema = z.object({
  staffId: z.number().int(),
  month: localMonthSchema,
  days: z.array(attendanceDaySchema),
  totals: attendanceMonthTotalsSchema,
});
export type StaffMonthDto = z.infer<typeof staffMonthSchema>;
