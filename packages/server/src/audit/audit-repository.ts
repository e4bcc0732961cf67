import { GENESIS_HASH, hashAuditEntry, type StoredAuditEntry } from "@tobira/core";
import type { AuditEntry, AuditListQuery } from "@tobira/protocol";
import {
  type ChainHead,
  type ChainVerification,
  type ChainVerifyOptions,
  lockChainForAppend,
  readChainHead,
  verifyChainInPages,
} from "../db/hash-chain";
import type { AuditLogRow } from "../db/schema";
import type { Executor } from "../db/transaction";

export interface AuditRecord {
  actor: string | null;
  action: string;
  targetType: string;
  targetId: string | number | null;
  details?: Record<string, unknown>;
}

// Any constant: it only has to be the same in every instance that appends to the chain.
const AUDIT_CHAIN_LOCK = 7_301_001;

/**
 * Appends one entry to the hash chain. Call it inside the transaction that makes the change, so the
 * change and its audit entry land together or not at all.
 */
export async function appendAudit(trx: Executor, record: AuditRecord, at: Date): Promise<void> {
  await lockChainForAppend(trx, AUDIT_CHAIN_LOCK);
  const last = await readAuditHead(trx);
  const entry = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actor: record.actor,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId === null ? null : String(record.targetId),
    details: record.details ?? {},
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto("audit_log")
    .values({
      seq: entry.seq,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      details: JSON.stringify(entry.details),
      prev_hash: prevHash,
      hash: hashAuditEntry(prevHash, entry),
    })
    .execute();
}

export async function listAudit(db: Executor, query: AuditListQuery): Promise<AuditEntry[]> {
  let select = db.selectFrom("audit_log").selectAll().orderBy("seq", "desc").limit(query.limit);
  if (query.before !== undefined) select = select.where("seq", "<", query.before);
  if (query.action) select = select.where("action", "=", query.action);
  const rows = await select.execute();
  return rows.map(toAuditEntry);
}

function toChainEntry(row: AuditLogRow): StoredAuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: JSON.parse(row.details),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function toAuditEntry(row: AuditLogRow): AuditEntry {
  const { prevHash: _, ...entry } = toChainEntry(row);
  return entry;
}

export type AuditVerification = ChainVerification;

/** Walks the whole chain a page at a time; with `expectedHead`, also checks its end was not cut off. */
export async function verifyAuditLog(
  db: Executor,
  options: ChainVerifyOptions = {},
): Promise<AuditVerification> {
  return verifyChainInPages(
    (after, limit) =>
      db.selectFrom("audit_log").selectAll().where("seq", ">", after).orderBy("seq").limit(limit).execute(),
    toChainEntry,
    options,
  );
}

/** The newest entry as stored, unverified: what the server writes to its log as a witness. */
export function readAuditHead(db: Executor): Promise<ChainHead | null> {
  return readChainHead(db, "audit_log");
}
