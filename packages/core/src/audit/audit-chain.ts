import { hash } from "node:crypto";

export type AuditEntry = {
  seq: number;
  /** UTC ISO instant, hashed exactly as written. */
  at: string;
  actor: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** Any JSON-serialisable value; key order does not affect the hash. */
  details: unknown;
};

export type StoredAuditEntry = AuditEntry & { prevHash: string; hash: string };

export type AuditChainFailureReason =
  | "hash_mismatch"
  | "prev_hash_mismatch"
  | "sequence_gap"
  | "sequence_order";

export type AuditChainFailure = {
  ok: false;
  /** Entries verified before the broken one. */
  count: number;
  /** seq of the first entry that does not link. */
  brokenAt: number;
  reason: AuditChainFailureReason;
  message: string;
};

export type AuditChainResult = { ok: true; count: number; lastHash: string } | AuditChainFailure;

/** The last verified link: the chain continues with seq + 1 whose prevHash is hash. */
export type AuditChainAnchor = { seq: number; hash: string };

export type AuditChainVerifier = {
  /** Checks the next entry; returns the first failure (again on every later call) or null. */
  push(entry: StoredAuditEntry): AuditChainFailure | null;
  result(): AuditChainResult;
};

export const GENESIS_HASH = "0".repeat(64);

const GENESIS_ANCHOR: AuditChainAnchor = { seq: 0, hash: GENESIS_HASH };

function compareKeys(a: [string, unknown], b: [string, unknown]): number {
  if (a[0] < b[0]) return -1;
  return a[0] > b[0] ? 1 : 0;
}

// Follows JSON.stringify (toJSON, dropped undefined/function/symbol members, null for non-finite
// numbers) so a value hashes the same before and after a JSON round trip; only key order differs.
function serializeValue(value: unknown, key: string): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      throw new TypeError("A bigint is not JSON-serialisable");
    case "object":
      return serializeObject(value, key);
    default:
      return undefined;
  }
}

function serializeObject(value: object, key: string): string | undefined {
  if ("toJSON" in value && typeof value.toJSON === "function") {
    const replaced: unknown = value.toJSON(key);
    return serializeValue(replaced, key);
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    return serializeValue(value.valueOf(), key);
  }
  if (Array.isArray(value)) {
    let text = "[";
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      text += `${index === 0 ? "" : ","}${serializeValue(item, String(index)) ?? "null"}`;
    }
    return `${text}]`;
  }
  let text = "{";
  for (const [memberKey, member] of Object.entries(value).sort(compareKeys)) {
    const serialized = serializeValue(member, memberKey);
    if (serialized === undefined) continue;
    text += `${text.length === 1 ? "" : ","}${JSON.stringify(memberKey)}:${serialized}`;
  }
  return `${text}}`;
}

/** JSON with keys sorted at every depth by UTF-16 code units (as in RFC 8785): equal values, equal text. */
export function serializeCanonicalJson(value: unknown): string {
  return serializeValue(value, "") ?? "null";
}

function serializeNullableString(value: string | null): string {
  return value === null ? "null" : JSON.stringify(value);
}

/** The canonical text of an entry: its fields in a fixed (sorted) order, without prevHash and hash. */
export function serializeAuditEntry(entry: AuditEntry): string {
  return (
    `{"action":${JSON.stringify(entry.action)}` +
    `,"actor":${serializeNullableString(entry.actor)}` +
    `,"at":${JSON.stringify(entry.at)}` +
    `,"details":${serializeCanonicalJson(entry.details)}` +
    `,"seq":${serializeCanonicalJson(entry.seq)}` +
    `,"targetId":${serializeNullableString(entry.targetId)}` +
    `,"targetType":${JSON.stringify(entry.targetType)}}`
  );
}

/** SHA-256, in hex, of the UTF-8 text `${prevHash}\n${serializeAuditEntry(entry)}`. */
export function hashAuditEntry(prevHash: string, entry: AuditEntry): string {
  // One-shot crypto.hash: same digest as createHash, several times faster on short inputs.
  return hash("sha256", `${prevHash}\n${serializeAuditEntry(entry)}`, "hex");
}

/** The entry as stored after the one whose hash is prevHash. */
export function linkAuditEntry(prevHash: string, entry: AuditEntry): StoredAuditEntry {
  return { ...entry, prevHash, hash: hashAuditEntry(prevHash, entry) };
}

function fail(
  count: number,
  brokenAt: number,
  reason: AuditChainFailureReason,
  message: string,
): AuditChainFailure {
  return { ok: false, count, brokenAt, reason, message };
}

function checkLink(
  entry: StoredAuditEntry,
  lastSeq: number,
  lastHash: string,
  count: number,
): AuditChainFailure | null {
  const expectedSeq = lastSeq + 1;
  if (entry.seq !== expectedSeq) {
    return Number.isInteger(entry.seq) && entry.seq > expectedSeq
      ? fail(count, entry.seq, "sequence_gap", `Expected seq ${expectedSeq} but found ${entry.seq}`)
      : fail(count, entry.seq, "sequence_order", `seq ${entry.seq} does not follow seq ${lastSeq}`);
  }
  if (entry.prevHash !== lastHash) {
    return fail(
      count,
      entry.seq,
      "prev_hash_mismatch",
      `seq ${entry.seq} does not point at the hash of seq ${lastSeq}`,
    );
  }
  if (hashAuditEntry(lastHash, entry) !== entry.hash) {
    return fail(count, entry.seq, "hash_mismatch", `seq ${entry.seq} differs from what was hashed`);
  }
  return null;
}

/**
 * Verifies a chain one entry at a time, in seq order, holding only the last link.
 * By default the first entry must be seq 1 with prevHash GENESIS_HASH; pass `after` to resume from a
 * verified link (for example the last entry before a retention cut).
 */
export function createAuditChainVerifier(after: AuditChainAnchor = GENESIS_ANCHOR): AuditChainVerifier {
  let lastSeq = after.seq;
  let lastHash = after.hash;
  let count = 0;
  let failure: AuditChainFailure | null = null;
  return {
    push(entry) {
      if (failure !== null) return failure;
      failure = checkLink(entry, lastSeq, lastHash, count);
      if (failure !== null) return failure;
      lastSeq = entry.seq;
      lastHash = entry.hash;
      count += 1;
      return null;
    },
    result() {
      return failure ?? { ok: true, count, lastHash };
    },
  };
}

/** Verifies a whole chain and reports its first broken link. */
export function verifyAuditChain(
  entries: Iterable<StoredAuditEntry>,
  after: AuditChainAnchor = GENESIS_ANCHOR,
): AuditChainResult {
  const verifier = createAuditChainVerifier(after);
  for (const entry of entries) {
    if (verifier.push(entry) !== null) break;
  }
  return verifier.result();
}
