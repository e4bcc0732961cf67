import { z } from "zod";
import { assuranceLevelSchema, instantSchema, readerSideSchema } from "./access";
import { idSchema } from "./common";

/** 入退室記録: what readers report, the access log, alarms and who is inside. */

export const accessEventKindSchema = z.enum([
  "decision",
  "door_forced",
  "door_held",
  "tamper",
  "exit_button",
  "reader_offline",
  "reader_online",
  /** An attendance-terminal tap: 出勤 (in) or 退勤 (out). */
  "punch",
  /** The server found the reader's clock off by more than the limit. */
  "clock_skew",
]);
export type AccessEventKind = z.infer<typeof accessEventKindSchema>;

export const maxEventsPerBatch = 1000;

/** 出勤 / 退勤. */
export const punchSchema = z.enum(["in", "out"]);
export type Punch = z.infer<typeof punchSchema>;

/** A holder as the snapshot names it: "staff:<id>" or "visitor:<id>". */
export const holderIdSchema = z
  .string()
  .regex(/^(staff|visitor):\d{1,15}$/, "must be staff:<id> or visitor:<id>");

export const accessEventInputSchema = z
  .object({
    eventId: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    occurredAt: instantSchema,
    kind: accessEventKindSchema,
    credentialKey: z
      .string()
      .min(1)
      .max(600)
      // A 個人番号 is twelve digits; no credential key ever is one, so such a value is refused outright.
      .refine((key) => !/^\d{12}$/.test(key), "must not be a 個人番号")
      .optional(),
    holderId: holderIdSchema.optional(),
    granted: z.boolean().optional(),
    /** A denial reason id from decide(), or "granted" / "free_passage". */
    reason: z
      .string()
      .regex(/^[a-z_]{1,32}$/, "must be a decision reason id")
      .optional(),
    assurance: assuranceLevelSchema.optional(),
    /** The reader's own running count of its events (1, 2, 3, …), kept across restarts. */
    sequence: z.number().int().positive().optional(),
    punch: punchSchema.optional(),
    /** A punch changed on the terminal within seconds replaces the earlier one; both are kept. */
    replacesEventId: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((event, ctx) => {
    if (event.kind === "punch") {
      if (event.punch === undefined)
        ctx.addIssue({ code: "custom", path: ["punch"], message: "is required for a punch" });
      if (event.credentialKey === undefined)
        ctx.addIssue({ code: "custom", path: ["credentialKey"], message: "is required for a punch" });
      return;
    }
    if (event.punch !== undefined)
      ctx.addIssue({ code: "custom", path: ["punch"], message: "is only given with kind punch" });
    if (event.kind !== "decision") return;
    if (event.granted === undefined)
      ctx.addIssue({ code: "custom", path: ["granted"], message: "is required for a decision" });
    if (event.reason === undefined)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "is required for a decision" });
  });
export type AccessEventInput = z.infer<typeof accessEventInputSchema>;

export const accessEventBatchSchema = z.object({
  readerId: z.number({ error: "must be a reader id (a number)" }).int().positive(),
  events: z
    .array(accessEventInputSchema)
    .min(1, "must hold at least one event")
    .max(maxEventsPerBatch, `must hold at most ${maxEventsPerBatch} events`),
});
export type AccessEventBatch = z.infer<typeof accessEventBatchSchema>;

export const accessEventBatchResultSchema = z.object({
  accepted: z.array(z.string()),
  duplicates: z.array(z.string()),
});
export type AccessEventBatchResult = z.infer<typeof accessEventBatchResultSchema>;

// ---- the access log (入退室記録簿) ------------------------------------------------------------

export const accessLogQuerySchema = z.object({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  staffId: idSchema.optional(),
  doorId: idSchema.optional(),
  areaId: idSchema.optional(),
  result: z.enum(["granted", "denied"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** The seq of the last entry of the previous page. */
  before: z.coerce.number().int().positive().optional(),
});
export type AccessLogQuery = z.infer<typeof accessLogQuerySchema>;

export const accessLogEntrySchema = z.object({
  seq: z.number().int(),
  eventId: z.string(),
  occurredAt: z.string(),
  receivedAt: z.string(),
  kind: accessEventKindSchema,
  readerId: z.number().int(),
  readerName: z.string().nullable(),
  doorId: z.number().int().nullable(),
  doorName: z.string().nullable(),
  areaId: z.number().int().nullable(),
  areaName: z.string().nullable(),
  direction: readerSideSchema.nullable(),
  holderId: z.string().nullable(),
  holderName: z.string().nullable(),
  granted: z.boolean().nullable(),
  reason: z.string().nullable(),
  assurance: assuranceLevelSchema.nullable(),
  live: z.boolean(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

export const accessLogSchema = z.object({ items: z.array(accessLogEntrySchema) });

export const accessLogExportQuerySchema = z.object({
  format: z.enum(["csv", "xlsx", "pdf"]).default("csv"),
  month: z
    .string()
    .regex(/^(19[89]\d|20\d\d)-(0[1-9]|1[0-2])$/, "must be a month written YYYY-MM, 1980–2099"),
  areaId: idSchema.optional(),
});
export type AccessLogExportQuery = z.infer<typeof accessLogExportQuerySchema>;

// ---- alarms ------------------------------------------------------------------------------------

export const accessAlarmKindSchema = z.enum([
  "forced_open",
  "held_open",
  "repeated_refusals",
  "tamper",
  "reader_offline",
  "clock_skew",
]);
export type AccessAlarmKind = z.infer<typeof accessAlarmKindSchema>;

export const accessAlarmSchema = z.object({
  id: z.number().int(),
  kind: accessAlarmKindSchema,
  doorId: z.number().int().nullable(),
  doorName: z.string().nullable(),
  readerId: z.number().int(),
  readerName: z.string().nullable(),
  raisedAt: z.string(),
  eventSeq: z.number().int(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type AccessAlarmDto = z.infer<typeof accessAlarmSchema>;

export const accessAlarmListQuerySchema = z.object({
  open: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true")),
});

export const accessAlarmListSchema = z.object({ items: z.array(accessAlarmSchema) });

export const acknowledgeAlarmSchema = z.object({
  comment: z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters"),
});
export type AcknowledgeAlarmInput = z.infer<typeof acknowledgeAlarmSchema>;

// ---- who is inside -----------------------------------------------------------------------------

export const occupantSchema = z.object({
  holderId: z.string(),
  name: z.string().nullable(),
  areaId: z.number().int(),
  areaName: z.string(),
  doorId: z.number().int(),
  doorName: z.string(),
  enteredAt: z.string(),
});
export type OccupantDto = z.infer<typeof occupantSchema>;

export const areaOccupancySchema = z.object({
  areaId: z.number().int(),
  areaName: z.string(),
  count: z.number().int(),
  occupants: z.array(occupantSchema),
});

export const occupancySchema = z.object({ areas: z.array(areaOccupancySchema) });
export type OccupancyDto = z.infer<typeof occupancySchema>;

export const musterSchema = z.object({ count: z.number().int(), items: z.array(occupantSchema) });
export type MusterDto = z.infer<typeof musterSchema>;
