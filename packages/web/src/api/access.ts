import {
  type AccessGroupDto,
  type AccessGroupInput,
  type AreaDto,
  type AreaInput,
  accessGroupSchema,
  areaSchema,
  type DoorDto,
  type DoorInput,
  doorSchema,
  type GrantDto,
  type GrantInput,
  grantSchema,
  type MembershipDto,
  type MembershipInput,
  membershipSchema,
  type ReaderDto,
  type ReaderInput,
  readerSchema,
  type ScheduleDto,
  type ScheduleInput,
  scheduleSchema,
  type WhereCanGo,
  type WhoCanEnter,
  whereCanGoSchema,
  whoCanEnterSchema,
} from "@tobira/protocol";
import { request } from "./client";
import { itemsOf } from "./parsers";

/** 入退室管理: the building, schedules, access groups, temporary grants and the two questions. */

export function listAreas(signal?: AbortSignal): Promise<{ items: AreaDto[] }> {
  return request("GET", "/api/access/areas", { parser: itemsOf(areaSchema), signal });
}

export function createArea(body: AreaInput): Promise<AreaDto> {
  return request("POST", "/api/access/areas", { parser: areaSchema, body });
}

export function listDoors(signal?: AbortSignal): Promise<{ items: DoorDto[] }> {
  return request("GET", "/api/access/doors", { parser: itemsOf(doorSchema), signal });
}

export function createDoor(body: DoorInput): Promise<DoorDto> {
  return request("POST", "/api/access/doors", { parser: doorSchema, body });
}

export function listReaders(signal?: AbortSignal): Promise<{ items: ReaderDto[] }> {
  return request("GET", "/api/access/readers", { parser: itemsOf(readerSchema), signal });
}

export function createReader(body: ReaderInput): Promise<ReaderDto> {
  return request("POST", "/api/access/readers", { parser: readerSchema, body });
}

export function listSchedules(signal?: AbortSignal): Promise<{ items: ScheduleDto[] }> {
  return request("GET", "/api/access/schedules", { parser: itemsOf(scheduleSchema), signal });
}

export function createSchedule(body: ScheduleInput): Promise<ScheduleDto> {
  return request("POST", "/api/access/schedules", { parser: scheduleSchema, body });
}

export function listGroups(signal?: AbortSignal): Promise<{ items: AccessGroupDto[] }> {
  return request("GET", "/api/access/groups", { parser: itemsOf(accessGroupSchema), signal });
}

export function createGroup(body: AccessGroupInput): Promise<AccessGroupDto> {
  return request("POST", "/api/access/groups", { parser: accessGroupSchema, body });
}

export function updateGroup(id: number, body: AccessGroupInput): Promise<AccessGroupDto> {
  return request("PUT", `/api/access/groups/${id}`, { parser: accessGroupSchema, body });
}

export function listMembers(groupId: number, signal?: AbortSignal): Promise<{ items: MembershipDto[] }> {
  return request("GET", `/api/access/groups/${groupId}/members`, {
    parser: itemsOf(membershipSchema),
    signal,
  });
}

export function addMember(groupId: number, body: MembershipInput): Promise<MembershipDto> {
  return request("POST", `/api/access/groups/${groupId}/members`, { parser: membershipSchema, body });
}

export function endMember(groupId: number, membershipId: number, validTo: string): Promise<MembershipDto> {
  return request("POST", `/api/access/groups/${groupId}/members/${membershipId}/end`, {
    parser: membershipSchema,
    body: { validTo },
  });
}

export function listGrants(signal?: AbortSignal): Promise<{ items: GrantDto[] }> {
  return request("GET", "/api/access/grants", { parser: itemsOf(grantSchema), signal });
}

export function listPendingGrants(signal?: AbortSignal): Promise<{ items: GrantDto[] }> {
  return request("GET", "/api/access/grants/pending", { parser: itemsOf(grantSchema), signal });
}

export function requestGrant(body: GrantInput): Promise<GrantDto> {
  return request("POST", "/api/access/grants", { parser: grantSchema, body });
}

export function approveGrant(id: number, comment: string | null): Promise<GrantDto> {
  return request("POST", `/api/access/grants/${id}/approve`, { parser: grantSchema, body: { comment } });
}

export function denyGrant(id: number, comment: string): Promise<GrantDto> {
  return request("POST", `/api/access/grants/${id}/deny`, { parser: grantSchema, body: { comment } });
}

export function whoCanEnter(doorId: number, at: string, signal?: AbortSignal): Promise<WhoCanEnter> {
  return request("GET", `/api/access/doors/${doorId}/who-can-enter`, {
    parser: whoCanEnterSchema,
    query: { at },
    signal,
  });
}

export function whereCanGo(staffId: number, at: string, signal?: AbortSignal): Promise<WhereCanGo> {
  return request("GET", `/api/access/staff/${staffId}/where`, {
    parser: whereCanGoSchema,
    query: { at },
    signal,
  });
}
