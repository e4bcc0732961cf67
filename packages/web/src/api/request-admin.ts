import {
  type approvalProxyInputSchema,
  approvalProxyListSchema,
  approvalProxySchema,
  sectionRouteRulesSchema,
} from "@tobira/protocol";
import { type Parser, request } from "./client";

/** HR's side of 庶務事務: 代決者 (who decides while an approver is away) and each section's approval route. */

export type ApprovalProxyEntry = ReturnType<typeof approvalProxySchema.parse>;
export type ApprovalProxyInput = ReturnType<typeof approvalProxyInputSchema.parse>;
export type SectionRouteRules = ReturnType<typeof sectionRouteRulesSchema.parse>;

/** Deletions answer with nothing useful; the screen reloads its list. */
const anyBody: Parser<null> = { parse: () => null };

/** Every 代決者 named, latest period first. */
export async function listAllApprovalProxies(signal?: AbortSignal): Promise<ApprovalProxyEntry[]> {
  const { items } = await request("GET", "/api/approval-proxies", {
    parser: approvalProxyListSchema,
    signal,
  });
  return items;
}

/** Refused with 422 when the two are the same person or the dates are reversed, 409 on an overlap. */
export function createApprovalProxy(body: ApprovalProxyInput): Promise<ApprovalProxyEntry> {
  return request("POST", "/api/approval-proxies", { parser: approvalProxySchema, body });
}

export async function deleteApprovalProxy(id: number): Promise<void> {
  await request("DELETE", `/api/approval-proxies/${id}`, { parser: anyBody });
}

/** A section's routes; a section nobody configured answers with the section head alone. */
export function getSectionRouteRules(departmentId: number, signal?: AbortSignal): Promise<SectionRouteRules> {
  return request("GET", `/api/requests/route-rules/${departmentId}`, {
    parser: sectionRouteRulesSchema,
    signal,
  });
}

export function saveSectionRouteRules(
  departmentId: number,
  body: SectionRouteRules,
): Promise<SectionRouteRules> {
  return request("PUT", `/api/requests/route-rules/${departmentId}`, {
    parser: sectionRouteRulesSchema,
    body,
  });
}
