import { type AuditChainFailure, createAuditChainVerifier, type StoredAuditEntry } from "@tobira/core";
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

export type ChainVerification = { ok: true; count: number } | AuditChainFailure;

/**
 * Walks a whole chain in seq order, `pageSize` rows at a time, holding one page at a time.
 * `fetchPage(after, limit)` returns the rows with seq > after, in seq order.
 */
export async function verifyChainInPages<Row extends { seq: number }>(
  fetchPage: (after: number, limit: number) => Promise<Row[]>,
  toEntry: (row: Row) => StoredAuditEntry,
  pageSize: number,
): Promise<ChainVerification> {
  const verifier = createAuditChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await fetchPage(after, pageSize);
    for (const row of rows) {
      const failure = verifier.push(toEntry(row));
      if (failure) return failure;
    }
    const lastRow = rows.at(-1);
    if (!lastRow || rows.length < pageSize) break;
    after = lastRow.seq;
  }
  const result = verifier.result();
  return result.ok ? { ok: true, count: result.count } : result;
}
