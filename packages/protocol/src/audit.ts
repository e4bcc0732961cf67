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

/** A hash chain's newest entry: an auditor notes it outside the database to detect a cut-off end later. */
export const chainHeadSchema = z.object({
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits (SHA-256)"),
});
export type ChainHead = z.infer<typeof chainHeadSchema>;

/** Verifying a chain: with `head`, the chain must still hold exactly that entry at that seq. */
export const auditVerifyRequestSchema = z
  .object({ head: chainHeadSchema.optional() })
  // A POST without a body arrives as null.
  .nullish()
  .describe("Optional; without `head`, a cut-off end cannot be detected.");
export type AuditVerifyRequest = z.infer<typeof auditVerifyRequestSchema>;

/** Why a chain failed: a link that does not hold, or the noted head cut off (missing) or replaced (mismatch). */
export const chainFailureReasons = [
  "hash_mismatch",
  "prev_hash_mismatch",
  "sequence_gap",
  "sequence_order",
  "head_missing",
  "head_mismatch",
] as const;
export type ChainFailureReason = (typeof chainFailureReasons)[number];

export const auditVerifyResultSchema = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  brokenAt: z.number().int().nullable(),
  /** Null when the chain is intact. */
  reason: z.enum(chainFailureReasons).nullable(),
  message: z.string(),
  /** The newest entry of an intact chain (null when it is empty or the check failed). */
  head: chainHeadSchema.nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;
