import {
  type AttendanceEntryInput,
  type AttendanceEntryKind,
  attendanceEntryInputSchema,
  type holidayCompensations,
} from "@tobira/protocol";
import type { MessageKey } from "../../i18n/ja";
import { normaliseClock } from "./work-time";

/** The add-an-entry form as typed, one text per field, whatever the kind chosen. */
export interface EntryDraft {
  kind: AttendanceEntryKind;
  date: string;
  clockIn: string;
  clockOut: string;
  start: string;
  end: string;
  leaveType: string;
  wholeDay: boolean;
  compensation: (typeof holidayCompensations)[number];
  reason: string;
}

export type EntryField =
  | "date"
  | "clockIn"
  | "clockOut"
  | "start"
  | "end"
  | "leaveType"
  | "compensation"
  | "reason";

/** The leave types offered, by the codes of the common leave types; the server stores the code. */
export const leaveTypes = [
  "annual",
  "sick",
  "summer",
  "bereavement",
  "marriage",
  "childNursing",
  "shortTermCare",
] as const;

export function emptyDraft(date: string, kind: AttendanceEntryKind = "punchCorrection"): EntryDraft {
  return {
    kind,
    date,
    clockIn: "",
    clockOut: "",
    start: "",
    end: "",
    leaveType: "annual",
    wholeDay: true,
    compensation: "compensatoryDay",
    reason: "",
  };
}

/** The fields the form shows for a kind, in order. */
export function fieldsOf(draft: Pick<EntryDraft, "kind" | "wholeDay">): EntryField[] {
  switch (draft.kind) {
    case "punchCorrection":
      return ["date", "clockIn", "clockOut", "reason"];
    case "overtimeOrder":
      return ["date", "start", "end", "reason"];
    case "leave":
      return draft.wholeDay
        ? ["date", "leaveType", "reason"]
        : ["date", "leaveType", "start", "end", "reason"];
    case "holidayWork":
      return ["date", "compensation", "reason"];
    case "divergenceReason":
      return ["date", "reason"];
  }
}

/** "8:30" is read as "08:30"; what cannot be read goes to the schema as typed, so it says what is wrong. */
function time(text: string): string {
  return normaliseClock(text) ?? text.trim();
}

function optionalTime(text: string): string | null {
  return text.trim() === "" ? null : time(text);
}

/** The draft as the body the server takes, before checking: only the chosen kind's fields. */
export function draftBody(draft: EntryDraft): Record<string, unknown> {
  const common = { kind: draft.kind, date: draft.date, reason: draft.reason };
  switch (draft.kind) {
    case "punchCorrection":
      return { ...common, clockIn: optionalTime(draft.clockIn), clockOut: optionalTime(draft.clockOut) };
    case "overtimeOrder":
      return { ...common, start: time(draft.start), end: time(draft.end) };
    case "leave":
      return {
        ...common,
        leaveType: draft.leaveType,
        start: draft.wholeDay ? null : optionalTime(draft.start),
        end: draft.wholeDay ? null : optionalTime(draft.end),
      };
    case "holidayWork":
      return { ...common, compensation: draft.compensation };
    case "divergenceReason":
      return common;
  }
}

export type DraftCheck =
  | { ok: true; input: AttendanceEntryInput }
  | { ok: false; errors: Partial<Record<EntryField, string>> };

const entryFields: readonly EntryField[] = [
  "date",
  "clockIn",
  "clockOut",
  "start",
  "end",
  "leaveType",
  "compensation",
  "reason",
];

function isEntryField(value: unknown): value is EntryField {
  return entryFields.some((field) => field === value);
}

/** Checks the draft with the server's own schema; each problem lands on its field (the first one wins). */
export function checkDraft(draft: EntryDraft): DraftCheck {
  const result = attendanceEntryInputSchema.safeParse(draftBody(draft));
  if (result.success) return { ok: true, input: result.data };
  const errors: Partial<Record<EntryField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (isEntryField(field) && errors[field] === undefined) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** The attendance schemas' English messages, for the screens to say in the reader's language. */
const messageKeys: Record<string, MessageKey> = {
  "must not be empty": "entry.invalid.empty",
  "must be at most 200 characters": "entry.invalid.tooLong",
  "must be at most 40 characters": "entry.invalid.tooLong",
  "give the corrected clock-in, clock-out or both": "entry.invalid.punchMissing",
  "must be after the clock-in": "entry.invalid.afterClockIn",
  "must be after the start": "entry.invalid.afterStart",
  "give both the start and the end, or neither for the whole day": "entry.invalid.bothTimes",
  "must be a time HH:MM (past midnight as 24:00–47:59)": "entry.invalid.time",
  "must be a date written YYYY-MM-DD": "entry.invalid.date",
};

/** A key for a message the schema is known to give; null for any other (shown as the schema wrote it). */
export function entryMessageKey(message: string): MessageKey | null {
  return messageKeys[message] ?? null;
}
