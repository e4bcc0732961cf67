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
