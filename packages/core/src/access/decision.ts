import type { AssuranceLevel } from "./policy";

/** Why a door stayed shut; stable ids that the log and the UI translate. */
export const denyReasons = [
  "unknown_door",
  "invalid_time",
  "lockdown",
  "unknown_card",
  "suspended",
  "revoked",
  "not_yet_valid",
  "expired",
  "no_permission",
  "outside_schedule",
  "assurance_too_low",
  "pin_required",
  "anti_passback",
  "two_person_pending",
  // Refusals the reader makes at the card, before or instead of decide():
  /** The card + PIN proof failed: wrong PIN (the card counts it) or a signature that does not verify. */
  "pin_wrong",
  /** The card has one PIN try or fewer left: the reader refuses to ask, so it never locks the card. */
  "pin_guard",
  /** The card's PIN is blocked (reset at the town's counter). */
  "pin_blocked",
  /** No PIN was entered in time, or the person cancelled. */
  "pin_cancelled",
  /** The staff card's tap + proof did not verify. */
  "proof_failed",
  /** The card could not be read (taken away too soon, or not a card Tobira knows). */
  "card_unreadable",
] as const;
export type DenyReason = (typeof denyReasons)[number];

/** A card shown at a reader, and how strongly the reader proved it. */
export interface Presentation {
  credentialKey: string;
  assurance: AssuranceLevel;
}

/** What the agent knows about the holder and the door beyond the snapshot. */
export interface DecisionContext {
  /** Anti-passback: the area the holder last entered, given only while the holder is inside it. */
  lastEntry?: { areaId: string; at: string } | null;
  /**
   * Two-person rule: the first person's presentation at this door, which was refused
   * two_person_pending (so it passed every other check), waiting for a second person.
   */
  pendingTwoPerson?: { holderId: string; at: string } | null;
}

export type GrantedDecision = {
  granted: true;
  reason: "granted" | "free_passage";
  holderId: string | null;
  requiredAssurance: AssuranceLevel | null;
  twoPersonComplete?: boolean;
};

export type DeniedDecision = {
  granted: false;
  reason: DenyReason;
  holderId: string | null;
  requiredAssurance: AssuranceLevel | null;
  /** Short English naming what failed, e.g. "outside the schedule 平日 8:30–17:15 of 書庫". */
  message: string;
};

export type Decision = GrantedDecision | DeniedDecision;

export function denyAccess(
  reason: DenyReason,
  holderId: string | null,
  requiredAssurance: AssuranceLevel | null,
  message: string,
): DeniedDecision {
  return { granted: false, reason, holderId, requiredAssurance, message };
}
