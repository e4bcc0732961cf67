import { GENESIS_HASH, hashAuditEntry, type StoredAuditEntry } from "@tobira/core";
import {
  type ChainHead,
  type ChainVerification,
  type ChainVerifyOptions,
  lockChainForAppend,
  readChainHead,
  verifyChainInPages,
} from "../db/hash-chain";
import type { AccessEventRow, NewAccessEventRow } from "../db/schema";
import type { Executor } from "../db/transaction";

// Any constant other than the audit log's: the two chains are independent.
const ACCESS_EVENT_CHAIN_LOCK = 7_301_002;

/** An event before it is linked into the chain. */
export type UnchainedAccessEvent = Omit<NewAccessEventRow, "seq" | "prev_hash" | "hash">;

/**
 * An event as a chain entry, so the access log is hashed and verified by the same core code as the
 * audit log: the reader is the actor, the door the target, everything else the details.
 */
function toChainEntry(seq: number, event: UnchainedAccessEvent) {
  return {
    seq,
    at: event.received_at,
    actor: `reader:${event.reader_id}`,
    action: `access.event.${event.kind}`,
    targetType: "door",
    targetId: event.door_id === null || event.door_id === undefined ? null : String(event.door_id),
    details: {
      eventId: event.event_id,
      occurredAt: event.occurred_at,
      credentialKey: event.credential_key ?? null,
      holderId: event.holder_id ?? null,
      granted: event.granted ?? null,
      reason: event.reason ?? null,
      assurance: event.assurance ?? null,
      direction: event.direction ?? null,
      live: event.live,
      // Added later: present only when set, so entries stored before them keep their hashes.
      ...(event.sequence === null || event.sequence === undefined ? {} : { sequence: event.sequence }),
      ...(event.punch === null || event.punch === undefined ? {} : { punch: event.punch }),
      ...(event.replaces_event_id === null || event.replaces_event_id === undefined
        ? {}
        : { replacesEventId: event.replaces_event_id }),
    },
  };
}

function toStoredEntry(row: AccessEventRow): StoredAuditEntry {
  return { ...toChainEntry(row.seq, row), prevHash: row.prev_hash, hash: row.hash };
}

/** Holds the chain until the transaction ends; taking it again in the same transaction is harmless. */
export async function lockAccessEventChain(trx: Executor): Promise<void> {
  await lockChainForAppend(trx, ACCESS_EVENT_CHAIN_LOCK);
}

/**
 * Links events onto the end of the chain and inserts them in batches. Call it inside the transaction
 * that does the rest of the ingestion; returns the rows as stored, in order.
 */
export async function appendAccessEvents(
  trx: Executor,
  events: readonly UnchainedAccessEvent[],
): Promise<NewAccessEventRow[]> {
  if (events.length === 0) return [];
  await lockAccessEventChain(trx);
  const head = await readAccessEventHead(trx);
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const rows: NewAccessEventRow[] = [];
  for (const event of events) {
    seq += 1;
    const hash = hashAuditEntry(prevHash, toChainEntry(seq, event));
    rows.push({ ...event, seq, prev_hash: prevHash, hash });
    prevHash = hash;
  }
  // 19 columns a row: 500 rows stay well under either database's limit on bound parameters.
  for (let start = 0; start < rows.length; start += 500) {
    await trx
      .insertInto("access_event")
      .values(rows.slice(start, start + 500))
      .execute();
  }
  return rows;
}

/** Walks the whole event chain a page at a time; with `expectedHead`, also checks its end was not cut off. */
export async function verifyAccessEventChain(
  db: Executor,
  options: ChainVerifyOptions = {},
): Promise<ChainVerification> {
  return verifyChainInPages(
    (after, limit) =>
      db
        .selectFrom("access_event")
        .selectAll()
        .where("seq", ">", after)
        .orderBy("seq")
        .limit(limit)
        .execute(),
    toStoredEntry,
    options,
  );
}

/** The newest event as stored, unverified: what the server writes to its log as a witness. */
export function readAccessEventHead(db: Executor): Promise<ChainHead | null> {
  return readChainHead(db, "access_event");
}
