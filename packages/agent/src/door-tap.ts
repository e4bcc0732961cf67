import type { CardConnection, CardReaders } from "@tobira/card";
import { type AssuranceLevel, type Decision, type Door, decide, type SnapshotIndex } from "@tobira/core";
import type { Clock } from "./clock";
import type { PassageMemory } from "./door-passage-memory";
import type { PinEntry } from "./pin/pin-entry";
import { provePin } from "./tap/prove-pin";
import { type CardPresentation, readPresentation } from "./tap/read-presentation";
import { withCard } from "./tap/with-card";

/** What one tap came to, before the door acts on it. */
export interface DoorTapDecision {
  granted: boolean;
  reason: string;
  /** English detail for the log and the demo panel. */
  detail: string;
  holderId: string | null;
  credentialKey: string | null;
  assurance: AssuranceLevel | null;
  at: Date;
}

export interface DoorTapDeps {
  clock: Clock;
  readers: CardReaders;
  pinEntry: PinEntry | null;
  memory: PassageMemory;
  /** The policy and this reader's door; null until the first snapshot and assignment. */
  findDoor(): { index: SnapshotIndex; doorId: string; door: Door | undefined } | null;
  /** Tells the person to type the PIN now. */
  askForPin(): void;
}

function refuseTap(
  reason: string,
  detail: string,
  at: Date,
  known: { holderId?: string | null; credentialKey?: string | null; assurance?: AssuranceLevel | null } = {},
): DoorTapDecision {
  return {
    granted: false,
    reason,
    detail,
    holderId: known.holderId ?? null,
    credentialKey: known.credentialKey ?? null,
    assurance: known.assurance ?? null,
    at,
  };
}

function convertDecision(decision: Decision, presentation: CardPresentation, at: Date): DoorTapDecision {
  return {
    granted: decision.granted,
    reason: decision.reason,
    detail: decision.granted ? decision.reason : decision.message,
    holderId: decision.holderId,
    credentialKey: presentation.credentialKey,
    assurance: presentation.assurance,
    at,
  };
}

function needsPin(decision: Decision): boolean {
  if (decision.granted) return false;
  if (decision.reason === "pin_required") return true;
  return decision.reason === "assurance_too_low" && decision.requiredAssurance === "cardPin";
}

async function decidePresentation(
  deps: DoorTapDeps,
  connection: CardConnection,
  presentation: CardPresentation,
  place: { index: SnapshotIndex; doorId: string; door: Door | undefined },
): Promise<DoorTapDecision> {
  const { index, doorId, door } = place;
  const decideAt = (assurance: AssuranceLevel, at: Date): Decision => {
    const holderId = index.credentials.get(presentation.credentialKey)?.credential.holderId ?? null;
    const context = deps.memory.findContext(holderId, at);
    const shown = { credentialKey: presentation.credentialKey, assurance };
    return decide(index, shown, doorId, at.toISOString(), context);
  };
  const at = deps.clock();
  const first = decideAt(presentation.assurance, at);
  if (!needsPin(first) || presentation.identity.kind !== "jpki" || deps.pinEntry === null) {
    deps.memory.remember(first, door, at);
    return convertDecision(first, presentation, at);
  }
  deps.askForPin();
  const enrolledKey = index.credentials.get(presentation.credentialKey)?.credential.publicKey ?? null;
  const proof = await provePin(connection, deps.pinEntry, enrolledKey);
  const provenAt = deps.clock();
  if (!proof.ok) {
    return refuseTap(proof.reason, proof.message, provenAt, { ...presentation, holderId: first.holderId });
  }
  const second = decideAt("cardPin", provenAt);
  deps.memory.remember(second, door, provenAt);
  return convertDecision(second, { ...presentation, assurance: "cardPin" }, provenAt);
}

/**
 * One tap at the door: read the card at the strongest level it gives without a PIN, decide from the
 * snapshot, and when the door wants card + PIN of a My Number Card, run the PIN proof and decide again.
 */
export async function decideDoorTap(deps: DoorTapDeps, reader: string | null): Promise<DoorTapDecision> {
  const place = deps.findDoor();
  const work = await withCard(deps.readers, reader, async (connection) => {
    const read = await readPresentation(connection, place?.index ?? null);
    if (!read.ok) {
      const holderId = place?.index.credentials.get(read.credentialKey ?? "")?.credential.holderId ?? null;
      return refuseTap(read.reason, read.message, deps.clock(), {
        credentialKey: read.credentialKey,
        holderId,
      });
    }
    if (place === null) {
      const { credentialKey, assurance } = read.presentation;
      return refuseTap("unknown_door", "no policy yet", deps.clock(), { credentialKey, assurance });
    }
    return decidePresentation(deps, connection, read.presentation, place);
  });
  return work.ok ? work.value : refuseTap("card_unreadable", work.message, deps.clock());
}
