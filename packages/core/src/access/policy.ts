import type { LocalDate, TownDay } from "../calendar/index";

/**
 * The access policy as readers decide from it: what the server compiles from its rules into a signed
 * snapshot. Ids are strings so the snapshot is the same on every store.
 */

/** How strongly a presentation proves the card: ordered from weakest to strongest. */
export const assuranceLevels = ["tap", "tapProof", "cardPin"] as const;
export type AssuranceLevel = (typeof assuranceLevels)[number];

/** Minutes after local midnight (Asia/Tokyo), 0–1440; a window is [start, end). */
export interface TimeWindow {
  start: number;
  end: number;
}

/** 平日 / 週休日 / 休日, as the calendar classifies the day, or a date the schedule lists itself. */
export type ScheduleDayType = "workday" | "weeklyRest" | "holiday";

export interface Schedule {
  id: string;
  name: string;
  /** Weekly windows per day type. A day type without an entry has no window. */
  windows: Partial<Record<ScheduleDayType, TimeWindow[]>>;
  /** Special days (e.g. a maintenance Saturday) replace the day type's windows on that date. */
  specialDays: { date: LocalDate; windows: TimeWindow[] }[];
}

/** locked: a credential opens it; unlocked: free passage; secured: card + PIN only; lockdown: nobody. */
export type DoorMode = "locked" | "unlocked" | "secured" | "lockdown";

export interface Door {
  id: string;
  name: string;
  /** The area one enters through this door, and the one one leaves. */
  toArea: string;
  fromArea: string;
  /** Modes by schedule, first match wins; outside them the door is `defaultMode`. */
  modes: { scheduleId: string; mode: DoorMode }[];
  defaultMode: DoorMode;
  /** Seconds a door may stand open after a passage before the reader raises a held-open alarm. */
  heldOpenSeconds: number;
  /** Seconds the lock stays released after a granted presentation or the exit button. */
  unlockSeconds: number;
}

export interface Area {
  id: string;
  name: string;
  parentId: string | null;
  /** Refuse entering again without having left (needs exit readers). */
  antiPassback: boolean;
  /** Two different authorised people must present within `twoPersonSeconds` for the door to open. */
  twoPersonRule: boolean;
}

export type CredentialKind = "jpki" | "staffCard" | "uid";

/**
 * A card bound to a person. `key` is how a reader names it: `jpki:<issuer>#<serial>`,
 * `staffCard:<cardId>` or `uid:<hex>` (never a My Number Card's UID).
 */
export interface Credential {
  key: string;
  kind: CredentialKind;
  holderId: string;
  status: "active" | "suspended" | "revoked";
  /** Instants (UTC ISO); for a certificate, its validity; for a visitor card, the day it was issued for. */
  validFrom: string | null;
  validTo: string | null;
  /** Staff-card and My Number Card public keys (SPKI DER, base64) for tap + proof and card + PIN. */
  publicKey: string | null;
}

export interface AccessRule {
  doorId: string;
  scheduleId: string;
  minimumAssurance: AssuranceLevel;
}

export interface AccessGroup {
  id: string;
  name: string;
  rules: AccessRule[];
}

export interface Holder {
  id: string;
  /** Group memberships with local validity dates (inclusive; null = open-ended). */
  groups: { groupId: string; from: LocalDate | null; to: LocalDate | null }[];
  /** Approved temporary grants (a vendor's maintenance day): instants, ending by themselves. */
  grants: { doorId: string; from: string; to: string; minimumAssurance: AssuranceLevel }[];
}

/** One of a holder's group memberships. */
export type GroupMembership = Holder["groups"][number];

/** One of a holder's approved temporary grants: open on [from, to). */
export type TemporaryGrant = Holder["grants"][number];

export interface AccessSnapshot {
  version: number;
  issuedAt: string;
  townDays: TownDay[];
  twoPersonSeconds: number;
  areas: Area[];
  doors: Door[];
  schedules: Schedule[];
  groups: AccessGroup[];
  holders: Holder[];
  credentials: Credential[];
}

/** One change a delta makes to the snapshot it was built on. */
export type SnapshotChange =
  | { type: "credentialStatus"; key: string; status: Credential["status"] }
  | { type: "credentialUpsert"; credential: Credential }
  | { type: "holderUpsert"; holder: Holder }
  | { type: "doorMode"; doorId: string; defaultMode: DoorMode };

/**
 * What turns snapshot `baseVersion` into snapshot `version` (a revocation, a new card, a door put in
 * lockdown), so agents need not fetch the whole snapshot for each change.
 */
export interface SnapshotDelta {
  baseVersion: number;
  version: number;
  /** The issuedAt of the resulting snapshot. */
  issuedAt: string;
  changes: SnapshotChange[];
}
