import {
  type AuditEntry,
  type AuditVerifyResult,
  auditListSchema,
  auditVerifyResultSchema,
} from "@tobira/protocol";
import { request } from "./client";

export interface AuditPageQuery {
  before: number | null;
  action: string;
  limit: number;
}

export async function listAudit(query: AuditPageQuery, signal?: AbortSignal): Promise<AuditEntry[]> {
  const { items } = await request("GET", "/api/audit", {
    parser: auditListSchema,
    query: { before: query.before, action: query.action.trim(), limit: query.limit },
    signal,
  });
  return items;
}

export function verifyAudit(): Promise<AuditVerifyResult> {
  return request("POST", "/api/audit/verify", { parser: auditVerifyResultSchema });
}
