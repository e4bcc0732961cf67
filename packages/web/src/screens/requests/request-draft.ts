import { type RequestContentDto, requestContentSchema } from "@tobira/protocol";
import { normaliseClock } from "../attendance/work-time";
import { leaveTypeNeeds } from "./leave-types";
import type { RequestKind } from "./request-labels";

export type LeaveUnit = "day" | "halfDay" | "hour";
export type CompensationKind = "restDaySwap" | "compensatoryDay" | "payment";

/** The request form as typed, one text per field, whatever the kind chosen. */
export interface RequestDraft {
  kind: RequestKind;
  date: string;
  start: string;
  end: string;
  /** 業務内容 for overtime, the reason elsewhere. */
  reason: string;
  orderId: string;
  compensationKind: CompensationKind;
  compensationDate: string;
  leaveType: string;
  unit: LeaveUnit;
  to: string;
  evidence: boolean;
  eventId: string;
  relation: string;
  dependants: string;
  clockIn: string;
  clockOut: string;
  fromMonth: string;
}

/** The payload fields as the schema and the server name them ("compensation.date" …). */
export type RequestField =
  | "date"
  | "start"
  | "end"
  | "reason"
  | "orderId"
  | "compensation.kind"
  | "compensation.date"
  | "leaveType"
  | "unit"
  | "to"
  | "evidence"
  | "eventId"
  | "relation"
  | "dependants"
  | "clockIn"
  | "clockOut"
  | "fromMonth";

export function emptyDraft(kind: RequestKind, date: string): RequestDraft {
  return {
    kind,
    date,
    start: "",
    end: "",
    reason: "",
    orderId: "",
    compensationKind: "restDaySwap",
    compensationDate: "",
    leaveType: "annual",
    unit: "day",
    to: "",
    evidence: false,
    eventId: "",
    relation: "",
    dependants: "",
    clockIn: "",
    clockOut: "",
    fromMonth: "",
  };
}

/** The fields the form shows for the draft's kind (and, for leave, its type and unit), in order. */
export function fieldsOf(draft: RequestDraft): RequestField[] {
  switch (draft.kind) {
    case "overtimeOrder":
      return ["date", "start", "end", "reason"];
    case "overtimeResult":
      return ["orderId", "date", "start", "end", "reason"];
    case "holidayWork":
      return draft.compensationKind === "payment"
        ? ["date", "start", "end", "reason", "compensation.kind"]
        : ["date", "start", "end", "reason", "compensation.kind", "compensation.date"];
    case "leave": {
      const needs = leaveTypeNeeds(draft.leaveType);
      return [
        "leaveType",
        "unit",
        "date",
        ...(draft.unit === "day" ? (["to"] as const) : (["start", "end"] as const)),
        ...(needs.event ? (["eventId"] as const) : []),
        ...(needs.relation ? (["relation"] as const) : []),
        ...(needs.dependants ? (["dependants"] as const) : []),
        "reason",
        ...(needs.evidence ? (["evidence"] as const) : []),
      ];
    }
    case "punchCorrection":
      return ["date", "clockIn", "clockOut", "reason"];
    case "compensatoryTime":
      return ["fromMonth", "date", "start", "end"];
  }
}

/** "8:30" is read as "08:30"; what cannot be read goes to the schema as typed, so it says what is wrong. */
function time(text: string): string {
  return normaliseClock(text) ?? text.trim();
}

function optionalTime(text: string): string | null {
  return text.trim() === "" ? null : time(text);
}

function optionalText(text: string): string | undefined {
  return text.trim() === "" ? undefined : text.trim();
}

function optionalCount(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The draft as the content the server takes, before checking: only the chosen kind's fields. */
export function draftContent(draft: RequestDraft): { kind: RequestKind; payload: Record<string, unknown> } {
  const times = { date: draft.date, start: time(draft.start), end: time(draft.end) };
  switch (draft.kind) {
    case "overtimeOrder":
      return { kind: draft.kind, payload: { ...times, reason: draft.reason } };
    case "overtimeResult":
      return { kind: draft.kind, payload: { ...times, reason: draft.reason, orderId: draft.orderId } };
    case "holidayWork":
      return {
        kind: draft.kind,
        payload: {
          ...times,
          reason: draft.reason,
          compensation:
            draft.compensationKind === "payment"
              ? { kind: "payment" }
              : { kind: draft.compensationKind, date: draft.compensationDate },
        },
      };
    case "leave": {
      const needs = leaveTypeNeeds(draft.leaveType);
      const span =
        draft.unit === "day"
          ? { to: optionalText(draft.to) }
          : { start: optionalTime(draft.start) ?? undefined, end: optionalTime(draft.end) ?? undefined };
      const payload: Record<string, unknown> = {
        leaveType: draft.leaveType,
        unit: draft.unit,
        date: draft.date,
        ...span,
        reason: draft.reason,
        evidence: needs.evidence ? draft.evidence : undefined,
        eventId: needs.event ? optionalText(draft.eventId) : undefined,
        relation: needs.relation ? optionalText(draft.relation) : undefined,
        dependants: needs.dependants ? optionalCount(draft.dependants) : undefined,
      };
      return { kind: draft.kind, payload: withoutUndefined(payload) };
    }
    case "punchCorrection":
      return {
        kind: draft.kind,
        payload: {
          date: draft.date,
          clockIn: optionalTime(draft.clockIn),
          clockOut: optionalTime(draft.clockOut),
          reason: draft.reason,
        },
      };
    case "compensatoryTime":
      return { kind: draft.kind, payload: { ...times, fromMonth: draft.fromMonth } };
  }
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

export type DraftCheck =
  | { ok: true; content: RequestContentDto }
  | { ok: false; errors: Partial<Record<RequestField, string>> };

const requestFields: readonly RequestField[] = [
  "date",
  "start",
  "end",
  "reason",
  "orderId",
  "compensation.kind",
  "compensation.date",
  "leaveType",
  "unit",
  "to",
  "evidence",
  "eventId",
  "relation",
  "dependants",
  "clockIn",
  "clockOut",
  "fromMonth",
];

export function isRequestField(value: string): value is RequestField {
  return requestFields.some((field) => field === value);
}

/** Checks the draft's shape with the server's own schema; each problem lands on its field (the first wins). */
export function checkDraft(draft: RequestDraft): DraftCheck {
  const result = requestContentSchema.safeParse(draftContent(draft));
  if (result.success) return { ok: true, content: result.data };
  const errors: Partial<Record<RequestField, string>> = {};
  for (const issue of result.error.issues) {
    const [first, second, third] = issue.path;
    if (first !== "payload") continue;
    const field = typeof third === "string" ? `${String(second)}.${third}` : String(second);
    if (isRequestField(field) && errors[field] === undefined) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

function clockText(value: string | null | undefined): string {
  return value ?? "";
}

/** The form filled again from a request's content (to resubmit after a return). */
export function draftFromContent(content: RequestContentDto): RequestDraft {
  const base = emptyDraft(content.kind, content.payload.date);
  switch (content.kind) {
    case "overtimeOrder": {
      const { start, end, reason } = content.payload;
      return { ...base, start, end, reason };
    }
    case "overtimeResult": {
      const { start, end, reason, orderId } = content.payload;
      return { ...base, start, end, reason, orderId: String(orderId) };
    }
    case "holidayWork": {
      const { start, end, reason, compensation } = content.payload;
      return {
        ...base,
        start,
        end,
        reason,
        compensationKind: compensation.kind,
        compensationDate: compensation.kind === "payment" ? "" : compensation.date,
      };
    }
    case "leave": {
      const payload = content.payload;
      return {
        ...base,
        leaveType: payload.leaveType,
        unit: payload.unit,
        to: payload.to ?? "",
        start: clockText(payload.start),
        end: clockText(payload.end),
        reason: payload.reason,
        evidence: payload.evidence ?? false,
        eventId: payload.eventId ?? "",
        relation: payload.relation ?? "",
        dependants: payload.dependants === undefined ? "" : String(payload.dependants),
      };
    }
    case "punchCorrection": {
      const { clockIn, clockOut, reason } = content.payload;
      return { ...base, clockIn: clockText(clockIn), clockOut: clockText(clockOut), reason };
    }
    case "compensatoryTime": {
      const { start, end, fromMonth } = content.payload;
      return { ...base, start, end, fromMonth };
    }
  }
}
