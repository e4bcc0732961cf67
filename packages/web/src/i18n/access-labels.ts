import type {
  AccessAlarmKind,
  AccessReason,
  CredentialKind,
  CredentialStatus,
  TimeWindowDto,
} from "@tobira/protocol";
import { formatInstant } from "./format";
import type { Language, Translate } from "./i18n";
import type { MessageKey } from "./ja";

// Each template below only type-checks while both dictionaries hold a key for every value.

export type DoorMode = "locked" | "unlocked" | "secured" | "lockdown";
export type Assurance = "tap" | "tapProof" | "cardPin";
export type DayType = "workday" | "weeklyRest" | "holiday";
export type ReaderKind = "door" | "attendance" | "enrolment";
export type ReaderSide = "entry" | "exit";
export type GrantState = "pending" | "approved" | "denied";

export const doorModes: readonly DoorMode[] = ["locked", "unlocked", "secured", "lockdown"];
export const assurances: readonly Assurance[] = ["tap", "tapProof", "cardPin"];
export const dayTypes: readonly DayType[] = ["workday", "weeklyRest", "holiday"];
export const readerKinds: readonly ReaderKind[] = ["door", "attendance", "enrolment"];
export const readerSides: readonly ReaderSide[] = ["entry", "exit"];

export function doorModeKey(mode: DoorMode): MessageKey {
  return `doorMode.${mode}`;
}

export function assuranceKey(level: Assurance): MessageKey {
  return `assurance.${level}`;
}

export function dayTypeKey(day: DayType): MessageKey {
  return `dayType.${day}`;
}

export function readerKindKey(kind: ReaderKind): MessageKey {
  return `readerKind.${kind}`;
}

export function readerSideKey(side: ReaderSide): MessageKey {
  return `readerSide.${side}`;
}

export function grantStateKey(state: GrantState): MessageKey {
  return `grantState.${state}`;
}

export function credentialKindKey(kind: CredentialKind): MessageKey {
  return `credentialKind.${kind}`;
}

export function credentialStatusKey(status: CredentialStatus): MessageKey {
  return `credentialStatus.${status}`;
}

export function isDoorMode(value: string): value is DoorMode {
  return doorModes.some((mode) => mode === value);
}

export function isAssurance(value: string): value is Assurance {
  return assurances.some((level) => level === value);
}

export function isReaderKind(value: string): value is ReaderKind {
  return readerKinds.some((kind) => kind === value);
}

export function isReaderSide(value: string): value is ReaderSide {
  return readerSides.some((side) => side === value);
}

/** "8:30–17:15": hours without a leading zero, as people write them. */
export function formatWindow(window: TimeWindowDto): string {
  return `${trimHour(window.start)}–${trimHour(window.end)}`;
}

function trimHour(time: string): string {
  return time.replace(/^0(\d)/, "$1");
}

export function formatWindows(windows: readonly TimeWindowDto[], t: Translate): string {
  return windows.length === 0 ? t("schedules.closed") : windows.map(formatWindow).join("、");
}

const refusalKeys: Record<string, MessageKey> = {
  outside_schedule: "refusal.outside_schedule",
  lockdown: "refusal.lockdown",
  no_permission: "refusal.no_permission",
};

/** The verdict of a who/where question, in words. */
export function formatVerdict(canEnter: boolean, refusal: string | null, t: Translate): string {
  if (canEnter) return t("question.yes");
  if (refusal === null) return t("question.no");
  const key = Object.hasOwn(refusalKeys, refusal) ? refusalKeys[refusal] : undefined;
  return t("question.noWithReason", { reason: key === undefined ? refusal : t(key) });
}

export function formatReason(reason: AccessReason, t: Translate, language: Language): string {
  const text =
    reason.kind === "group"
      ? t("question.byGroup", { group: reason.groupName, schedule: reason.scheduleName })
      : t("question.byGrant", {
          from: formatInstant(reason.from, language),
          to: formatInstant(reason.to, language),
        });
  return reason.open ? text : `${text}${t("question.closedNow")}`;
}

const decisionReasonKeys: Record<string, MessageKey> = {
  granted: "decision.granted",
  free_passage: "decision.free_passage",
  outside_schedule: "decision.outside_schedule",
  no_permission: "decision.no_permission",
  unknown_card: "decision.unknown_card",
  revoked: "decision.revoked",
  suspended: "decision.suspended",
  expired: "decision.expired",
  assurance_too_low: "decision.assurance_too_low",
  pin_required: "decision.pin_required",
  anti_passback: "decision.anti_passback",
  two_person_pending: "decision.two_person_pending",
  lockdown: "decision.lockdown",
  not_yet_valid: "decision.not_yet_valid",
  unknown_door: "decision.unknown_door",
  invalid_time: "decision.invalid_time",
  pin_wrong: "decision.pin_wrong",
  pin_guard: "decision.pin_guard",
  pin_blocked: "decision.pin_blocked",
  pin_cancelled: "decision.pin_cancelled",
  proof_failed: "decision.proof_failed",
  card_unreadable: "decision.card_unreadable",
};

/** A reader's decision reason id in words; an id this app does not know is shown as sent. */
export function formatDecisionReason(reason: string | null, t: Translate): string {
  if (reason === null) return "—";
  const key = Object.hasOwn(decisionReasonKeys, reason) ? decisionReasonKeys[reason] : undefined;
  return key === undefined ? reason : t(key);
}

export function alarmKindKey(kind: AccessAlarmKind): MessageKey {
  return `alarmKind.${kind}`;
}
