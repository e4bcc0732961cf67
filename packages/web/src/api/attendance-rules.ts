import {
  type PatternAssignmentDto,
  type PatternAssignmentInput,
  patternAssignmentListSchema,
  patternAssignmentSchema,
  type RuleVersionDto,
  type RuleVersionInput,
  ruleVersionListSchema,
  ruleVersionSchema,
  type SectionDesignationDto,
  type SectionDesignationInput,
  sectionDesignationListSchema,
  sectionDesignationSchema,
  type WorkPatternDto,
  type WorkPatternInput,
  workPatternListSchema,
  workPatternSchema,
} from "@tobira/protocol";
import { type Parser, request } from "./client";

/** 勤務時間・給与の規則: rule versions by 施行日, work patterns, their assignment to staff, 他律的 sections. */

/** Deletions answer with nothing useful; the screens reload their list. */
const anyBody: Parser<null> = { parse: () => null };

export async function listRuleVersions(signal?: AbortSignal): Promise<RuleVersionDto[]> {
  return (await request("GET", "/api/attendance/rules", { parser: ruleVersionListSchema, signal })).items;
}

export function createRuleVersion(body: RuleVersionInput): Promise<RuleVersionDto> {
  return request("POST", "/api/attendance/rules", { parser: ruleVersionSchema, body });
}

/** The server accepts this only for a version not yet in force. */
export function updateRuleVersion(id: number, body: RuleVersionInput): Promise<RuleVersionDto> {
  return request("PUT", `/api/attendance/rules/${id}`, { parser: ruleVersionSchema, body });
}

export async function deleteRuleVersion(id: number): Promise<void> {
  await request("DELETE", `/api/attendance/rules/${id}`, { parser: anyBody });
}

export async function listWorkPatterns(signal?: AbortSignal): Promise<WorkPatternDto[]> {
  return (await request("GET", "/api/attendance/patterns", { parser: workPatternListSchema, signal })).items;
}

export function createWorkPattern(body: WorkPatternInput): Promise<WorkPatternDto> {
  return request("POST", "/api/attendance/patterns", { parser: workPatternSchema, body });
}

export function updateWorkPattern(id: number, body: WorkPatternInput): Promise<WorkPatternDto> {
  return request("PUT", `/api/attendance/patterns/${id}`, { parser: workPatternSchema, body });
}

export async function deleteWorkPattern(id: number): Promise<void> {
  await request("DELETE", `/api/attendance/patterns/${id}`, { parser: anyBody });
}

export async function listDesignations(signal?: AbortSignal): Promise<SectionDesignationDto[]> {
  return (
    await request("GET", "/api/attendance/designations", { parser: sectionDesignationListSchema, signal })
  ).items;
}

export function createDesignation(body: SectionDesignationInput): Promise<SectionDesignationDto> {
  return request("POST", "/api/attendance/designations", { parser: sectionDesignationSchema, body });
}

export async function deleteDesignation(id: number): Promise<void> {
  await request("DELETE", `/api/attendance/designations/${id}`, { parser: anyBody });
}

export async function listPatternAssignments(
  staffId: number,
  signal?: AbortSignal,
): Promise<PatternAssignmentDto[]> {
  return (
    await request("GET", "/api/attendance/pattern-assignments", {
      parser: patternAssignmentListSchema,
      query: { staffId },
      signal,
    })
  ).items;
}

export function createPatternAssignment(body: PatternAssignmentInput): Promise<PatternAssignmentDto> {
  return request("POST", "/api/attendance/pattern-assignments", { parser: patternAssignmentSchema, body });
}

export async function deletePatternAssignment(id: number): Promise<void> {
  await request("DELETE", `/api/attendance/pattern-assignments/${id}`, { parser: anyBody });
}
