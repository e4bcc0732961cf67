import {
  type StaffDetail,
  type StaffInput,
  type StaffList,
  type StaffUpdate,
  staffDetailSchema,
  staffListSchema,
  type TransferInput,
} from "@tobira/protocol";
import { request } from "./client";

export interface StaffSearch {
  q: string;
  departmentId: number | null;
  includeLeft: boolean;
  limit: number;
  offset: number;
}

export function searchStaff(search: StaffSearch, signal?: AbortSignal): Promise<StaffList> {
  return request("GET", "/api/staff", {
    parser: staffListSchema,
    query: {
      q: search.q.trim(),
      departmentId: search.departmentId,
      includeLeft: search.includeLeft,
      limit: search.limit,
      offset: search.offset,
    },
    signal,
  });
}

export function getStaff(id: number, signal?: AbortSignal): Promise<StaffDetail> {
  return request("GET", `/api/staff/${id}`, { parser: staffDetailSchema, signal });
}

export function createStaff(body: StaffInput): Promise<StaffDetail> {
  return request("POST", "/api/staff", { parser: staffDetailSchema, body });
}

export function updateStaff(id: number, body: StaffUpdate): Promise<StaffDetail> {
  return request("PATCH", `/api/staff/${id}`, { parser: staffDetailSchema, body });
}

export function transferStaff(id: number, body: TransferInput): Promise<StaffDetail> {
  return request("POST", `/api/staff/${id}/transfers`, { parser: staffDetailSchema, body });
}
