import { z } from "zod";
import { localDateSchema } from "./common";

/** The staff fields an HR/payroll CSV can fill, in the order of our own export. */
export const importFields = [
  "staffNumber",
  "familyName",
  "givenName",
  "familyNameKana",
  "givenNameKana",
  "departmentCode",
  "positionCode",
  "employmentType",
  "startDate",
  "endDate",
  "email",
  "phone",
] as const;
export const importFieldSchema = z.enum(importFields);
export type ImportField = z.infer<typeof importFieldSchema>;

export const importEncodingSchema = z.enum(["auto", "utf-8", "shift_jis"]);
export type ImportEncoding = z.infer<typeof importEncodingSchema>;

export const staffImportRequestSchema = z.object({
  fileName: z.string().max(255).optional(),
  /** The file as uploaded, base64-encoded, so the server can decode Shift_JIS itself. */
  contentBase64: z.string().min(1).max(40_000_000),
  encoding: importEncodingSchema.default("auto"),
  /** Our field → the header text in the file; unmapped fields use the built-in header names. */
  mapping: z.partialRecord(importFieldSchema, z.string().max(100)).default({}),
  /** Staff missing from the file are treated as leavers with this end date, when set. */
  leaversEndDate: localDateSchema.nullable().default(null),
  /** The date transfers in the file take effect. */
  effectiveDate: localDateSchema,
});
export type StaffImportRequest = z.infer<typeof staffImportRequestSchema>;

export const importRowErrorSchema = z.object({
  line: z.number().int(),
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importChangeSchema = z.object({
  staffNumber: z.string(),
  name: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
});
export type ImportChange = z.infer<typeof importChangeSchema>;

export const staffImportPreviewSchema = z.object({
  encoding: z.enum(["utf-8", "shift_jis"]),
  rowCount: z.number().int(),
  errors: z.array(importRowErrorSchema),
  adds: z.array(z.object({ staffNumber: z.string(), name: z.string(), departmentCode: z.string() })),
  changes: z.array(importChangeSchema),
  leavers: z.array(z.object({ staffNumber: z.string(), name: z.string() })),
  unchangedCount: z.number().int(),
});
export type StaffImportPreview = z.infer<typeof staffImportPreviewSchema>;

export const staffImportResultSchema = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  left: z.number().int(),
});
export type StaffImportResult = z.infer<typeof staffImportResultSchema>;

export const staffExportQuerySchema = z.object({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  encoding: z.enum(["utf-8", "shift_jis"]).default("utf-8"),
  asOf: localDateSchema.optional(),
});
export type StaffExportQuery = z.infer<typeof staffExportQuerySchema>;
