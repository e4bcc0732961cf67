import { z } from "zod";

/** The stable codes of problems found at entry, which screens translate. */
export type { RequestProblemCode } from "@tobira/core/requests";

import { localMonthSchema } from "./attendance-month";
import { workTimeSchema } from "./attendance-rules";
import { idSchema, localDateSchema } from "./common";

/*
 * 庶務事務: requests staff make and section heads (then HR, where a section's route says so) approve.
 * Times are written as timesheets do ("25:30" is 1:30 the next morning); the server turns them into
 * minutes of the work day for core. What each kind means and how it is checked: packages/core/src/requests.
 */

export const requestKindNames = [
  "overtimeOrder",
  "overtimeResult",
  "holidayWork",
  "leave",
  "punchCorrection",
  "compensatoryTime",
] as const;

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const reasonSchema = text(200);

const overtimeOrderPayload = z.object({
  date: localDateSchema,
  start: workTimeSchema,
  end: workTimeSchema,
  /** 業務内容. */
  reason: reasonSchema,
});
const overtimeResultPayload = overtimeOrderPayload.extend({
  /** The approved order this reports on. */
  orderId: idSchema,
});
const holidayWorkPayload = overtimeOrderPayload.extend({
  compensation: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("restDaySwap"), date: localDateSchema }),
    z.object({ kind: z.literal("compensatoryDay"), date: localDateSchema }),
    z.object({ kind: z.literal("payment") }),
  ]),
});
const leavePayload = z.object({
  leaveType: z.string().trim().min(1).max(40),
  unit: z.enum(["day", "halfDay", "hour"]),
  date: localDateSchema,
  /** Day unit: the last day of a run of days. */
  to: localDateSchema.optional(),
  /** Half-day and hour units: the part of the day taken. */
  start: workTimeSchema.optional(),
  end: workTimeSchema.optional(),
  reason: reasonSchema,
  evidence: z.boolean().optional(),
  eventId: text(64).optional(),
  relation: text(40).optional(),
  dependants: z.number().int().min(0).max(20).optional(),
});
const punchCorrectionPayload = z.object({
  date: localDateSchema,
  clockIn: workTimeSchema.nullable(),
  clockOut: workTimeSchema.nullable(),
  reason: reasonSchema,
});
const compensatoryTimePayload = z.object({
  date: localDateSchema,
  start: workTimeSchema,
  end: workTimeSchema,
  fromMonth: localMonthSchema,
});

/** A request's kind with its payload. */
export const requestContentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("overtimeOrder"), payload: overtimeOrderPayload }),
  z.object({ kind: z.literal("overtimeResult"), payload: overtimeResultPayload }),
  z.object({ kind: z.literal("holidayWork"), payload: holidayWorkPayload }),
  z.object({ kind: z.literal("leave"), payload: leavePayload }),
  z.object({ kind: z.literal("punchCorrection"), payload: punchCorrectionPayload }),
  z.object({ kind: z.literal("compensatoryTime"), payload: compensatoryTimePayload }),
]);
export type RequestContentDto = z.infer<typeof requestContentSchema>;

/** A new request: the applicant's own, or — for overtime orders — one a section head enters for a member. */
export const requestInputSchema = z.object({
  content: requestContentSchema,
  /** For whom, when not the signed-in person (section heads ordering overtime). */
  forStaffId: idSchema.optional(),
});
export type RequestInput = z.infer<typeof requestInputSchema>;

/** A problem found at entry, on the payload field to fix, with a stable code the screen translates. */
export const requestProblemSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RequestProblemDto = z.infer<typeof requestProblemSchema>;

/** The answer to a dry run: what submitting this would find. */
export const requestCheckSchema = z.object({
  ok: z.boolean(),
  problems: z.array(requestProblemSchema),
  /** The steps it would walk (sectionHead, hr). */
  route: z.array(z.enum(["sectionHead", "hr"])),
});

export const requestStatuses = [
  "pending",
  "returned",
  "approved",
  "withdrawn",
  "cancelPending",
  "cancelled",
] as const;

const personSchema = z.object({ staffId: z.number().int(), staffNumber: z.string(), name: z.string() });

export const requestHistoryEntrySchema = z.object({
  action: z.enum([
    "submit",
    "approve",
    "return",
    "resubmit",
    "withdraw",
    "requestCancel",
    "approveCancel",
    "returnCancel",
  ]),
  /** Who acted, by name. */
  actor: z.string(),
  at: z.string(),
  reason: z.string().optional(),
  step: z.number().int().optional(),
  /** 代決: the approver the actor decided for, by name. */
  actingFor: z.string().optional(),
});

export const requestSchema = z.object({
  id: z.number().int(),
  content: requestContentSchema,
  applicant: personSchema,
  department: z.object({ id: z.number().int(), name: z.string() }),
  status: z.enum(requestStatuses),
  /** The route step waiting for a decision (pending, cancelPending); null otherwise. */
  step: z.number().int().nullable(),
  route: z.array(z.enum(["sectionHead", "hr"])),
  history: z.array(requestHistoryEntrySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the signed-in person may do with it now. */
  allowedActions: z.array(z.enum(["approve", "return", "withdraw", "resubmit", "requestCancel"])),
});
export type RequestDto = z.infer<typeof requestSchema>;

export const requestListSchema = z.object({ items: z.array(requestSchema) });
export const requestParamsSchema = z.object({ id: idSchema });
export const myRequestsQuerySchema = z.object({ status: z.enum(requestStatuses).optional() });

export const requestActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("approve"), actingFor: idSchema.optional() }),
  z.object({
    type: z.literal("return"),
    reason: text(200).min(1, "say what to fix"),
    actingFor: idSchema.optional(),
  }),
  z.object({ type: z.literal("withdraw"), reason: reasonSchema.optional() }),
  z.object({ type: z.literal("resubmit"), content: requestContentSchema }),
  z.object({ type: z.literal("requestCancel"), reason: text(200).min(1, "give the reason for cancelling") }),
]);
export type RequestActionDto = z.infer<typeof requestActionSchema>;

/** Approving many from the inbox: each id's outcome, so one refusal does not hide the rest. */
export const bulkApproveInputSchema = z.object({ ids: z.array(idSchema).min(1).max(200) });
export const bulkApproveResultSchema = z.object({
  results: z.array(z.object({ id: z.number().int(), ok: z.boolean(), error: z.string().optional() })),
});

/** 代決者: who decides for an approver (a staff member) while they are away, between two dates. */
export const approvalProxyInputSchema = z.object({
  approverStaffId: idSchema,
  proxyStaffId: idSchema,
  from: localDateSchema,
  to: localDateSchema,
});
export const approvalProxySchema = approvalProxyInputSchema.extend({
  id: z.number().int(),
  approverName: z.string(),
  proxyName: z.string(),
});
export const approvalProxyListSchema = z.object({ items: z.array(approvalProxySchema) });

/** A section's approval routes (data per section; the section head alone by default). */
export const sectionRouteRulesSchema = z.object({
  routes: z.partialRecord(z.enum(requestKindNames), z.array(z.enum(["sectionHead", "hr"])).min(1)).optional(),
  hrForOvertimeFromMinutes: z
    .number()
    .int()
    .min(0)
    .max(300 * 60)
    .nullable(),
  hrForHolidayWork: z.boolean(),
});
