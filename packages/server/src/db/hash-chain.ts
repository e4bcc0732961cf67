import { type AuditChainFailure, createAuditChainVerifier, type StoredAuditEntry } from "@tobira/core";
import type { ChainHead } from "@tobira/protocol";
import { sql } from "kysely";
import { dialectOf } from "./dialect";
import type { Executor } from "./transaction";

/**
 * Serialises appends to one hash chain until the transaction ends, so two writers never read the same
 * head. PostgreSQL takes a transaction-scoped advisory lock; SQLite already runs one writer at a time.
 * `chainKey` is any constant, the same in every instance that appends to that chain.
 */
export async function lockChainForAppend(trx: Executor, chainKey: number): Promise<void> {
  if (dialectOf(trx) === "postgres") await sql`select pg_advisory_xact_lock(${chainKey})`.execute(trx);
}

/** A chain's newest entry, as an auditor notes it outside the database. */
export type { ChainHead };

/** The chain links up, but does not hold the head an auditor noted earlier. */
export type ChainHeadFailure = {
  ok: false;
  count: number;
  brokenAt: number;
  reason: "head_missing" | "head_mismatch";
  message: string;
};

export type ChainVerification =
  | { ok: true; count: number; head: ChainHead | null }
  | AuditChainFailure
  | ChainHeadFailure;

export interface ChainVerifyOptions {
  /** Rows read at a time; one page is held in memory. */
  pageSize?: number;
  /**
   * A head noted earlier: the chain must still hold exactly this entry. Without it, newest entries
   * cut off the end go unnoticed: the rest still links up.
   */
  expectedHead?: ChainHead | undefined;
}

/**
 * Walks a whole chain in seq order, `pageSize` rows at a time, holding one page at a time.
 * `fetchPage(after, limit)` returns the rows with seq > after, in seq order.
 */
export async function verifyChainInPages<Row extends { seq: number }>(
  fetchPage: (after: number, limit: number) => Promise<Row[]>,
  toEntry: (row: Row) => StoredAuditEntry,
  { pageSize = 10_000, expectedHead }: ChainVerifyOptions = {},
): Promise<ChainVerification> {
  const verifier = createAuditChainVerifier();
  let head: ChainHead | null = null;
  let after = 0;
  for (;;) {
    const rows = await fetchPage(after, pageSize);
    for (const row of rows) {
      const entry = toEntry(row);
      const failure = verifier.push(entry);
      if (failure) return failure;
      head = { seq: entry.seq, hash: entry.hash };
      if (expectedHead?.seq === entry.seq && expectedHead.hash !== entry.hash)
        return headMismatch(expectedHead, entry.hash);
    }
    const lastRow = rows.at(-1);
    if (!lastRow || rows.length < pageSize) break;
    after = lastRow.seq;
  }
  const result = verifier.result();
  if (!result.ok) return result;
  if (expectedHead !== undefined && (head?.seq ?? 0) < expectedHead.seq)
    return headMissing(expectedHead, head, result.count);
  return { ok: true, count: result.count, head };
}

function headMismatch(expected: ChainHead, actualHash: string): ChainHeadFailure {
  return {
    ok: false,
    // Everything before the expected head linked up.
    count: expected.seq - 1,
    brokenAt: expected.seq,
    reason: "head_mismatch",
    message:
      `seq ${expected.seq} has hash ${actualHash}, not the expected ${expected.hash}: ` +
      "the chain was rebuilt from there or earlier, or the expected head was noted wrongly",
  };
}

function headMissing(expected: ChainHead, head: ChainHead | null, count: number): ChainHeadFailure {
  const end = head === null ? "The chain is empty" : `The chain ends at seq ${head.seq}`;
  return {
    ok: false,
    count,
    brokenAt: (head?.seq ?? 0) + 1,
    reason: "head_missing",
    message: `${end}, before the expected head at seq ${expected.seq}: its newest entries were cut off`,
  };
}

/** A chain's newest entry as stored, unverified: the head to link the next entry to, and the log's witness. */
export async function readChainHead(
  db: Executor,
  table: "audit_log" | "access_event",
): Promise<ChainHead | null> {
  const head = await db
    .selectFrom(table)
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return head ?? null;
}
