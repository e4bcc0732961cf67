import { z } from "zod";

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  action: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditListSchema = z.object({ items: z.array(auditEntrySchema) });

export const auditVerifyResultSchema = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  brokenAt: z.number().int().nullable(),
  message: z.string(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;
