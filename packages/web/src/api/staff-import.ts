import {
  type StaffImportPreview,
  type StaffImportRequest,
  type StaffImportResult,
  staffImportPreviewSchema,
  staffImportResultSchema,
} from "@tobira/protocol";
import { request, requestBlob } from "./client";

export type ExportFormat = "csv" | "xlsx";
export type ExportEncoding = "utf-8" | "shift_jis";

export function previewImport(body: StaffImportRequest): Promise<StaffImportPreview> {
  return request("POST", "/api/staff-import/preview", { parser: staffImportPreviewSchema, body });
}

export function applyImport(body: StaffImportRequest): Promise<StaffImportResult> {
  return request("POST", "/api/staff-import/apply", { parser: staffImportResultSchema, body });
}

export function exportStaff(format: ExportFormat, encoding: ExportEncoding) {
  return requestBlob("/api/staff-export", { query: { format, encoding } });
}
