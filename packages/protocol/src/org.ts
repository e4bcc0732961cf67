import { z } from "zod";
import { localDateSchema } from "./common";

/** 部 › 課 › 係 */
export const departmentKinds = ["department", "section", "unit"] as const;
export const departmentKindSchema = z.enum(departmentKinds);
export type DepartmentKind = z.infer<typeof departmentKindSchema>;

export const departmentSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: departmentKindSchema,
  parentId: z.number().int().nullable(),
  validFrom: localDateSchema,
  validTo: localDateSchema.nullable(),
});
export type Department = z.infer<typeof departmentSchema>;

export const departmentInputSchema = z.object({
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(100),
  kind: departmentKindSchema,
  parentId: z.number().int().positive().nullable(),
  validFrom: localDateSchema,
  validTo: localDateSchema.nullable().default(null),
});
export type DepartmentInput = z.infer<typeof departmentInputSchema>;

export const positionSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  rank: z.number().int(),
  isSectionHead: z.boolean(),
});
export type Position = z.infer<typeof positionSchema>;

export const positionInputSchema = z.object({
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(100),
  rank: z.number().int().min(0).max(1000),
  isSectionHead: z.boolean().default(false),
});
export type PositionInput = z.infer<typeof positionInputSchema>;

/** 雇用区分 */
export const employmentTypes = [
  "regular",
  "fiscalYearAppointee",
  "reappointed",
  "fixedTerm",
  "temporary",
] as const;
export const employmentTypeSchema = z.enum(employmentTypes);
export type EmploymentType = z.infer<typeof employmentTypeSchema>;

export const staffNumberSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{1,20}$/, "must be 1–20 letters, digits or hyphens");

export const staffAssignmentSchema = z.object({
  id: z.number().int(),
  departmentId: z.number().int(),
  departmentName: z.string(),
  positionId: z.number().int().nullable(),
  positionName: z.string().nullable(),
  validFrom: localDateSchema,
  validTo: localDateSchema.nullable(),
  note: z.string().nullable(),
});
export type StaffAssignment = z.infer<typeof staffAssignmentSchema>;

export const staffSummarySchema = z.object({
  id: z.number().int(),
  staffNumber: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string(),
  givenNameKana: z.string(),
  employmentType: employmentTypeSchema,
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  positionName: z.string().nullable(),
  startDate: localDateSchema,
  endDate: localDateSchema.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type StaffSummary = z.infer<typeof staffSummarySchema>;

export const staffDetailSchema = staffSummarySchema.extend({
  assignments: z.array(staffAssignmentSchema),
});
export type StaffDetail = z.infer<typeof staffDetailSchema>;

export const staffListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  asOf: localDateSchema.optional(),
  includeLeft: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type StaffListQuery = z.infer<typeof staffListQuerySchema>;

export const staffListSchema = z.object({ items: z.array(staffSummarySchema), total: z.number().int() });
export type StaffList = z.infer<typeof staffListSchema>;

const kanaPattern = /^[\u3041-\u3096\u30A1-\u30FA\u30FC\u3000 ・]*$/;

export const staffInputSchema = z.object({
  staffNumber: staffNumberSchema,
  familyName: z.string().trim().min(1).max(50),
  givenName: z.string().trim().min(1).max(50),
  familyNameKana: z.string().trim().min(1).max(100).regex(kanaPattern, "must be written in kana"),
  givenNameKana: z.string().trim().min(1).max(100).regex(kanaPattern, "must be written in kana"),
  employmentType: employmentTypeSchema,
  startDate: localDateSchema,
  endDate: localDateSchema.nullable().default(null),
  email: z.email().max(254).nullable().default(null),
  phone: z.string().trim().max(30).nullable().default(null),
  departmentId: z.number().int().positive(),
  positionId: z.number().int().positive().nullable().default(null),
});
export type StaffInput = z.infer<typeof staffInputSchema>;

export const staffUpdateSchema = staffInputSchema
  .omit({ staffNumber: true, departmentId: true, positionId: true })
  .partial();
export type StaffUpdate = z.infer<typeof staffUpdateSchema>;

/** 人事異動: a dated move; the previous assignment ends the day before. */
export const transferInputSchema = z.object({
  departmentId: z.number().int().positive(),
  positionId: z.number().int().positive().nullable(),
  effectiveDate: localDateSchema,
  note: z.string().trim().max(200).nullable().default(null),
});
export type TransferInput = z.infer<typeof transferInputSchema>;
