import {
  credentialListSchema,
  type EnrolledCredential,
  type ExpiringCredential,
  enrolledCredentialSchema,
  expiringListSchema,
  type VisitorDto,
  type VisitorInput,
  visitorListSchema,
  visitorSchema,
} from "@tobira/protocol";
import { request } from "./client";

export type StatusChange = "suspend" | "reinstate" | "revoke";

export function listStaffCredentials(
  staffId: number,
  signal?: AbortSignal,
): Promise<{ items: EnrolledCredential[]; total: number }> {
  return request("GET", "/api/credentials", {
    parser: credentialListSchema,
    query: { staffId, limit: 500 },
    signal,
  });
}

export function enrolUidCard(staffId: number, uid: string): Promise<EnrolledCredential> {
  return request("POST", "/api/credentials", {
    parser: enrolledCredentialSchema,
    body: { kind: "uid", uid, staffId },
  });
}

export function changeCredentialStatus(
  id: number,
  change: StatusChange,
  reason: string,
): Promise<EnrolledCredential> {
  return request("POST", `/api/credentials/${id}/${change}`, {
    parser: enrolledCredentialSchema,
    body: { reason },
  });
}

export function listExpiring(
  days: number,
  signal?: AbortSignal,
): Promise<{ days: number; items: ExpiringCredential[] }> {
  return request("GET", "/api/credentials/expiring", { parser: expiringListSchema, query: { days }, signal });
}

export function listOpenVisitors(signal?: AbortSignal): Promise<{ items: VisitorDto[] }> {
  return request("GET", "/api/visitors", { parser: visitorListSchema, query: { open: "true" }, signal });
}

export function issueVisitor(body: VisitorInput): Promise<VisitorDto> {
  return request("POST", "/api/visitors", { parser: visitorSchema, body });
}

export function returnVisitor(id: number): Promise<VisitorDto> {
  return request("POST", `/api/visitors/${id}/return`, { parser: visitorSchema });
}
