import { z } from "zod";
import { workTimeSchema } from "./attendance-rules";
import { idSchema, localDateSchema } from "./common";

/*
 * Approved facts about a person's work day that the taps cannot give: a punch correction (打刻修正), an
 * overtime order (時間外勤務命令), leave (休暇), holiday work (休日勤務) with its compensation, and the
 * reason for presence beyond declared work (乖離理由). HR enters them directly; approved requests will
 * write the same facts. Times are written as timesheets do ("25:30" is 1:30 the next morning).
 */

export const attendanceEntryKinds = [
  "punchCorrection",
  "overtimeOrder",
  "leave",
  "holidayWork",
  "divergenceReason",
] as const;
export type AttendanceEntryKind = (typeof attendanceEntryKinds)[number];

export const holidayCompensations = ["restDaySwap", "compensatoryDay", "payment"] as const;

const reasonSchema = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

const punchCorrectionSchema = z
  .object({
    kind: z.literal("punchCorrection"),
    date: localDateSchema,
    clockIn: workTimeSchema.nullable(),
    clockOut: workTimeSchema.nullable(),
    reason: reasonSchema,
  })
  .refine((entry) => entry.clockIn !== null || entry.clockOut !== null, {
    message: "give the corrected clock-in, clock-out or both",
    path: ["clockOut"],
  })
  .refine((entry) => entry.clockIn === null || entry.clockOut === null || entry.clockIn < entry.clockOut, {
    message: "must be after the clock-in",
    path: ["clockOut"],
  });

const overtimeOrderSchema = z
  .object({
    kind: z.literal("overtimeOrder"),
    date: localDateSchema,
    start: workTimeSchema,
    end: workTimeSchema,
    /** 業務内容: what the overtime is for. */
    reason: reasonSchema,
  })
  .refine((entry) => entry.start < entry.end, { message: "must be after the start", path: ["end"] });

const leaveSchema = z
  .object({
    kind: z.literal("leave"),
    date: localDateSchema,
    /** A leave type code (annual, sick, …). */
    leaveType: z.string().trim().min(1).max(40),
    /** Both null for the whole day; otherwise the hours taken. */
    start: workTimeSchema.nullable(),
    end: workTimeSchema.nullable(),
    reason: reasonSchema,
  })
  .refine((entry) => (entry.start === null) === (entry.end === null), {
    message: "give both the start and the end, or neither for the whole day",
    path: ["end"],
  })
  .refine((entry) => entry.start === null || entry.end === null || entry.start < entry.end, {
    message: "must be after the start",
    path: ["end"],
  });

const holidayWorkSchema = z.object({
  kind: z.literal("holidayWork"),
  date: localDateSchema,
  compensation: z.enum(holidayCompensations),
  reason: reasonSchema,
});

const divergenceReasonSchema = z.object({
  kind: z.literal("divergenceReason"),
  date: localDateSchema,
  /** 自己研鑽, 私用, 待機 …: why the person was at the office beyond declared work. */
  reason: reasonSchema,
});

export const attendanceEntryInputSchema = z.discriminatedUnion("kind", [
  punchCorrectionSchema,
  overtimeOrderSchema,
  leaveSchema,
  holidayWorkSchema,
  divergenceReasonSchema,
]);
export type AttendanceEntryInput = z.infer<typeof attendanceEntryInputSchema>;

const entryMeta = {
  id: z.number().int(),
  staffId: z.number().int(),
  recordedBy: z.string(),
  recordedAt: z.string(),
};

/** A stored entry: its input plus who recorded it and when. */
export const attendanceEntrySchema = z.discriminatedUnion("kind", [
  punchCorrectionSchema.safeExtend(entryMeta),
  overtimeOrderSchema.safeExtend(entryMeta),
  leaveSchema.safeExtend(entryMeta),
  holidayWorkSchema.safeExtend(entryMeta),
  divergenceReasonSchema.safeExtend(entryMeta),
]);
export type AttendanceEntryDto = z.infer<typeof attendanceEntrySchema>;

export const attendanceEntryListSchema = z.object({ items: z.array(attendanceEntrySchema) });
export const attendanceEntryParamsSchema = z.object({ entryId: idSchema });
