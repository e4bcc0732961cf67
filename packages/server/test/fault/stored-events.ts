import type { Store } from "../../src/db/database";

export interface StoredEvents {
  /** How many rows each event id has at the server. */
  countById: Map<string, number>;
  /** Per reader, the agent's sequence numbers in the order the server chained them. */
  sequencesByReader: Map<number, number[]>;
  /** Every event id, in the order the server chained them. */
  chainOrder: string[];
}

/** The access log of the given readers as the server stored it, read straight from the store. */
export async function readStoredEvents(store: Store, readerIds: readonly number[]): Promise<StoredEvents> {
  const rows = await store.db
    .selectFrom("access_event")
    .select(["event_id", "reader_id", "sequence"])
    .where("reader_id", "in", [...readerIds])
    .orderBy("seq")
    .execute();
  const countById = new Map<string, number>();
  const sequencesByReader = new Map<number, number[]>(readerIds.map((id) => [id, []]));
  const chainOrder: string[] = [];
  for (const row of rows) {
    chainOrder.push(row.event_id);
    countById.set(row.event_id, (countById.get(row.event_id) ?? 0) + 1);
    sequencesByReader.get(row.reader_id)?.push(row.sequence ?? Number.NaN);
  }
  return { countById, sequencesByReader, chainOrder };
}

/** Event ids stored more than once. */
export function duplicatedIds(stored: StoredEvents): string[] {
  return [...stored.countById].filter(([, count]) => count > 1).map(([eventId]) => eventId);
}

export function isAscending(values: readonly number[]): boolean {
  return values.every((value, i) => i === 0 || value > (values[i - 1] ?? Number.POSITIVE_INFINITY));
}

/**
 * Whether the sequence numbers, in any order, are each number from the smallest to the largest once: an
 * agent numbers its events without gaps, so a gap at the server is a lost event.
 */
export function isGapless(values: readonly number[]): boolean {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.every((value, i) => i === 0 || value === (sorted[i - 1] ?? Number.NaN) + 1);
}

/** What the server stored against what the agents decided, per agent in the order of `readerIds`. */
export interface DeliveryCheck {
  /** Event ids stored more than once. */
  duplicated: string[];
  /** Event ids an agent appended that the server never stored. */
  decidedButNotStored: string[];
  /** Of the event ids given as acknowledged to agents, those the server does not hold. */
  acknowledgedButNotStored: string[];
  /** Agents (1-based) whose stored sequence numbers have a gap. */
  agentsWithGaps: number[];
  /** Agents (1-based) with another number of stored events than they decided. */
  agentsMiscounted: number[];
  decided: number;
  stored: number;
}

export async function checkDelivery(
  store: Store,
  readerIds: readonly number[],
  agents: readonly { appended: readonly string[] }[],
  acknowledged: readonly string[] = [],
): Promise<DeliveryCheck> {
  const stored = await readStoredEvents(store, readerIds);
  const agentsWhere = (failing: (sequences: number[], appended: readonly string[]) => boolean) =>
    agents.flatMap((agent, i) =>
      failing(stored.sequencesByReader.get(readerIds[i] ?? -1) ?? [], agent.appended) ? [i + 1] : [],
    );
  return {
    duplicated: duplicatedIds(stored),
    decidedButNotStored: agents.flatMap((agent) => agent.appended.filter((id) => !stored.countById.has(id))),
    acknowledgedButNotStored: acknowledged.filter((id) => !stored.countById.has(id)),
    agentsWithGaps: agentsWhere((sequences) => !isGapless(sequences)),
    agentsMiscounted: agentsWhere((sequences, appended) => sequences.length !== appended.length),
    decided: agents.reduce((sum, agent) => sum + agent.appended.length, 0),
    stored: stored.countById.size,
  };
}
