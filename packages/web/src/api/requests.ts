import {
  approvalProxyListSchema,
  bulkApproveResultSchema,
  type RequestActionDto,
  type RequestDto,
  type RequestInput,
  requestCheckSchema,
  requestListSchema,
  requestSchema,
  type requestStatuses,
} from "@tobira/protocol";
import { request } from "./client";

/** 庶務事務: requests, their dry run, my list, the approver's inbox and the decisions. */

export type RequestCheck = ReturnType<typeof requestCheckSchema.parse>;
export type BulkApproveResult = ReturnType<typeof bulkApproveResultSchema.parse>;
export type ApprovalProxy = ReturnType<typeof approvalProxyListSchema.parse>["items"][number];
export type RequestStatus = (typeof requestStatuses)[number];

/** What submitting would find, without saving anything. */
export function checkRequest(body: RequestInput, signal?: AbortSignal): Promise<RequestCheck> {
  return request("POST", "/api/requests/check", { parser: requestCheckSchema, body, signal });
}

/** Refused with 422 and the problems as issues when validation at entry finds any. */
export function submitRequest(body: RequestInput): Promise<RequestDto> {
  return request("POST", "/api/requests", { parser: requestSchema, body });
}

export async function listMyRequests(
  status: RequestStatus | null,
  signal?: AbortSignal,
): Promise<RequestDto[]> {
  const { items } = await request("GET", "/api/requests/mine", {
    parser: requestListSchema,
    query: { status },
    signal,
  });
  return items;
}

/** The requests waiting for my decision (or for an approver I decide for). */
export async function listInbox(signal?: AbortSignal): Promise<RequestDto[]> {
  const { items } = await request("GET", "/api/requests/inbox", { parser: requestListSchema, signal });
  return items;
}

export function getRequest(id: number, signal?: AbortSignal): Promise<RequestDto> {
  return request("GET", `/api/requests/${id}`, { parser: requestSchema, signal });
}

export function actOnRequest(id: number, body: RequestActionDto): Promise<RequestDto> {
  return request("POST", `/api/requests/${id}/actions`, { parser: requestSchema, body });
}

export function bulkApprove(ids: readonly number[]): Promise<BulkApproveResult> {
  return request("POST", "/api/requests/bulk-approve", {
    parser: bulkApproveResultSchema,
    body: { ids },
  });
}

/** 代決者 rows naming the signed-in person: whom they may decide for, and when. */
export async function listApprovalProxies(signal?: AbortSignal): Promise<ApprovalProxy[]> {
  const { items } = await request("GET", "/api/approval-proxies/mine", {
    parser: approvalProxyListSchema,
    signal,
  });
  return items;
}
