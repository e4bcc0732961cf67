import type { Decision, DecisionContext, Door } from "@tobira/core";

/*
 * This reader sees entries only, never the holder leaving through an exit button, so a remembered entry
 * is forgotten after a working day's length rather than kept until a restart.
 */
const entryMemoryMs = 12 * 60 * 60_000;

/** What the door remembers between taps: who entered its area (anti-passback) and a pending first person. */
export interface PassageMemory {
  findContext(holderId: string | null, at: Date): DecisionContext;
  remember(decision: Decision, door: Door | undefined, at: Date): void;
}

export function createPassageMemory(): PassageMemory {
  const entries = new Map<string, { areaId: string; at: Date }>();
  let pendingTwoPerson: { holderId: string; at: string } | null = null;

  function findLastEntry(holderId: string | null, at: Date): DecisionContext["lastEntry"] {
    if (holderId === null) return null;
    const entry = entries.get(holderId);
    if (entry === undefined) return null;
    if (at.getTime() - entry.at.getTime() > entryMemoryMs) {
      entries.delete(holderId);
      return null;
    }
    return { areaId: entry.areaId, at: entry.at.toISOString() };
  }

  return {
    findContext: (holderId, at) => ({ lastEntry: findLastEntry(holderId, at), pendingTwoPerson }),
    remember(decision, door, at) {
      if (decision.holderId === null) return;
      if (!decision.granted) {
        if (decision.reason === "two_person_pending") {
          pendingTwoPerson = { holderId: decision.holderId, at: at.toISOString() };
        }
        return;
      }
      if (decision.twoPersonComplete === true) pendingTwoPerson = null;
      if (decision.reason === "granted" && door !== undefined) {
        entries.set(decision.holderId, { areaId: door.toArea, at });
      }
    },
  };
}
