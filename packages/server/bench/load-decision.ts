import { decide, type Presentation, type SnapshotIndex } from "@tobira/core";
import type { AccessEventInput } from "@tobira/protocol";
import { createPassageMemory } from "../../agent/src/door-passage-memory";
import { strangerCardKey, townCardKey } from "./load-town";

/** A tap's decision as the agent records it in its outbox (all but the event id). */
export type DecidedTap = Omit<AccessEventInput, "eventId">;

/** One simulated door agent's local decisions: the card shown on its `index`-th tap of the rush. */
export type DecideTap = (tapIndex: number) => DecidedTap;

/** Which card the rush's `tapIndex`-th tap shows: each staff member in turn, one in twenty a stranger's. */
export function chooseCard(tapIndex: number, staff: number): { key: string; enrolled: boolean } {
  if (tapIndex % 20 === 0) return { key: strangerCardKey(tapIndex), enrolled: false };
  return { key: townCardKey(tapIndex % staff), enrolled: true };
}

/**
 * A door agent's decision as door-tap.ts makes it once the card is read (a My Number Card's certificate
 * at tap level): the holder's passage context from this agent's memory, core `decide()` against the
 * verified snapshot's index, then the memory updated. Agents at the same door share one index (they hold
 * the same policy); each keeps its own memory.
 */
export function createDoorDecider(index: SnapshotIndex, doorId: string, staff: number): DecideTap {
  const memory = createPassageMemory();
  const door = index.doors.get(doorId);
  return (tapIndex) => {
    const card = chooseCard(tapIndex, staff);
    const at = new Date();
    const holderId = index.credentials.get(card.key)?.credential.holderId ?? null;
    const shown: Presentation = { credentialKey: card.key, assurance: "tap" };
    const decision = decide(index, shown, doorId, at.toISOString(), memory.findContext(holderId, at));
    memory.remember(decision, door, at);
    return {
      occurredAt: at.toISOString(),
      kind: "decision",
      credentialKey: card.key,
      ...(decision.holderId === null ? {} : { holderId: decision.holderId }),
      granted: decision.granted,
      reason: decision.reason,
      assurance: "tap",
    };
  };
}
