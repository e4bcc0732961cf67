import { describeAssurance, meetsAssurance } from "./assurance";
import {
  type Decision,
  type DecisionContext,
  type DeniedDecision,
  denyAccess,
  type Presentation,
} from "./decision";
import { findPermission } from "./find-permission";
import { type LocalMoment, parseInstantMs, readLocalMomentIn } from "./local-moment";
import type { AssuranceLevel, Door } from "./policy";
import { findDoorModeAt } from "./schedule";
import type { IndexedCredential, SnapshotIndex } from "./snapshot-index";

const NO_CONTEXT: DecisionContext = {};

function checkCredential(indexed: IndexedCredential, epochMs: number): DeniedDecision | null {
  const { credential } = indexed;
  if (credential.status === "revoked") {
    return denyAccess("revoked", credential.holderId, null, "card revoked");
  }
  if (credential.status === "suspended") {
    return denyAccess("suspended", credential.holderId, null, "card suspended");
  }
  if (epochMs < indexed.validFromMs) {
    return denyAccess("not_yet_valid", credential.holderId, null, `card valid from ${credential.validFrom}`);
  }
  // validTo is the last valid instant, as a certificate's notAfter is (RFC 5280 §4.1.2.5).
  if (epochMs > indexed.validToMs) {
    return denyAccess("expired", credential.holderId, null, `card expired ${credential.validTo}`);
  }
  return null;
}

function checkAssurance(
  door: Door,
  holderId: string,
  shown: AssuranceLevel,
  required: AssuranceLevel,
): DeniedDecision | null {
  if (meetsAssurance(shown, required)) return null;
  if (required === "cardPin") {
    return denyAccess("pin_required", holderId, required, `${door.name} needs card + PIN`);
  }
  const message = `${door.name} needs ${describeAssurance(required)}, the card showed ${describeAssurance(shown)}`;
  return denyAccess("assurance_too_low", holderId, required, message);
}

function isPendingSecondPersonValid(
  pending: { holderId: string; at: string },
  holderId: string,
  moment: LocalMoment,
  twoPersonSeconds: number,
): boolean {
  if (pending.holderId === holderId) return false;
  const pendingMs = parseInstantMs(pending.at);
  if (pendingMs === null) return false;
  const elapsedMs = moment.epochMs - pendingMs;
  return elapsedMs >= 0 && elapsedMs <= twoPersonSeconds * 1000;
}

/**
 * Decides whether a presentation opens a door at an instant, from the snapshot alone (agents decide
 * offline). Checks in order: the door, its mode (lockdown denies everyone, unlocked lets anyone
 * through), the card, the holder's permission and its schedule, the assurance (a secured door asks
 * card + PIN), anti-passback and the two-person rule of the area behind the door.
 */
export function decide(
  index: SnapshotIndex,
  presentation: Presentation,
  doorId: string,
  at: string,
  context: DecisionContext = NO_CONTEXT,
): Decision {
  const indexed = index.credentials.get(presentation.credentialKey);
  const knownHolderId = indexed === undefined ? null : indexed.credential.holderId;
  const door = index.doors.get(doorId);
  if (door === undefined) {
    return denyAccess("unknown_door", knownHolderId, null, `unknown door ${doorId}`);
  }
  const moment = readLocalMomentIn(at, index.calendar);
  if (moment === null) {
    return denyAccess("invalid_time", knownHolderId, null, `unreadable time at ${door.name}`);
  }

  const mode = findDoorModeAt(door, index.schedules, moment);
  if (mode === "lockdown") return denyAccess("lockdown", knownHolderId, null, `${door.name} is in lockdown`);
  if (mode === "unlocked") {
    return { granted: true, reason: "free_passage", holderId: knownHolderId, requiredAssurance: null };
  }

  if (indexed === undefined) return denyAccess("unknown_card", null, null, `unknown card at ${door.name}`);
  const credentialDenial = checkCredential(indexed, moment.epochMs);
  if (credentialDenial !== null) return credentialDenial;
  const holderId = indexed.credential.holderId;
  const holder = indexed.holder;
  if (holder === undefined) {
    return denyAccess(
      "no_permission",
      holderId,
      null,
      `no permission for ${door.name}: holder not in snapshot`,
    );
  }

  const permission = findPermission(index, holder, door, moment);
  if (!permission.open) return denyAccess(permission.reason, holderId, null, permission.message);
  // A secured door asks card + PIN whatever the rule would accept.
  const required = mode === "secured" ? "cardPin" : permission.requiredAssurance;
  const assuranceDenial = checkAssurance(door, holderId, presentation.assurance, required);
  if (assuranceDenial !== null) return assuranceDenial;

  const area = index.areas.get(door.toArea);
  if (area === undefined) return { granted: true, reason: "granted", holderId, requiredAssurance: required };
  const lastEntry = context.lastEntry ?? null;
  if (area.antiPassback && lastEntry !== null && lastEntry.areaId === area.id) {
    return denyAccess(
      "anti_passback",
      holderId,
      required,
      `already inside ${area.name}: leave before entering again`,
    );
  }
  if (!area.twoPersonRule) return { granted: true, reason: "granted", holderId, requiredAssurance: required };
  const pending = context.pendingTwoPerson ?? null;
  const seconds = index.snapshot.twoPersonSeconds;
  if (pending === null || !isPendingSecondPersonValid(pending, holderId, moment, seconds)) {
    const message = `${area.name} needs a second person within ${seconds} s`;
    return denyAccess("two_person_pending", holderId, required, message);
  }
  return { granted: true, reason: "granted", holderId, requiredAssurance: required, twoPersonComplete: true };
}
