import {
  type AuditEntry,
  type AuditVerifyRequest,
  type AuditVerifyResult,
  auditListSchema,
  auditVerifyResultSchema,
  type ChainHead,
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

/** Without a head the server cannot tell whether the newest entries were cut off; with one, it can. */
function verifyBody(head: ChainHead | null): AuditVerifyRequest {
  return head === null ? {} : { head };
}

/** Recomputes the audit log's hash chain (admin changes); `head` is one an auditor noted earlier. */
export function verifyAuditChain(head: ChainHead | null = null): Promise<AuditVerifyResult> {
  return request("POST", "/api/audit/verify", { parser: auditVerifyResultSchema, body: verifyBody(head) });
}

/** Recomputes the access-event log's hash chain (入退室記録); `head` is one an auditor noted earlier. */
export function verifyAccessEventChain(head: ChainHead | null = null): Promise<AuditVerifyResult> {
  return request("POST", "/api/access/events/verify", {
    parser: auditVerifyResultSchema,
    body: verifyBody(head),
  });
}
