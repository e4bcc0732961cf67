import { type AgentRole, type AgentStatus, agentRoleSchema, agentStatusSchema } from "@tobira/protocol";
import type { AgentRow } from "../db/schema";
import type { Executor } from "../db/transaction";

/** An agent as the server's use cases see it; `fingerprint` is the stored hex, not yet grouped. */
export interface AgentRecord {
  id: number;
  publicKey: string;
  fingerprint: string;
  name: string;
  role: AgentRole;
  status: AgentStatus;
  readerId: number | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  softwareVersion: string | null;
  snapshotVersion: number | null;
  clockSkewMs: number | null;
  lastSeenAt: string | null;
}

export interface ListedAgent extends AgentRecord {
  readerName: string | null;
}

function toAgent(row: AgentRow): AgentRecord {
  return {
    id: row.id,
    publicKey: row.public_key,
    fingerprint: row.fingerprint,
    name: row.name,
    role: agentRoleSchema.parse(row.role),
    status: agentStatusSchema.parse(row.status),
    readerId: row.reader_id,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    softwareVersion: row.software_version,
    snapshotVersion: row.snapshot_version === null ? null : Number(row.snapshot_version),
    clockSkewMs: row.clock_skew_ms,
    lastSeenAt: row.last_seen_at,
  };
}

export async function findAgent(db: Executor, id: number): Promise<AgentRecord | undefined> {
  const row = await db.selectFrom("agent").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toAgent(row) : undefined;
}

export async function findAgentByPublicKey(
  db: Executor,
  publicKey: string,
): Promise<AgentRecord | undefined> {
  const row = await db.selectFrom("agent").selectAll().where("public_key", "=", publicKey).executeTakeFirst();
  return row ? toAgent(row) : undefined;
}

/** By the stored fingerprint: plain lowercase hex, without the spaces it is shown with. */
export async function findAgentByFingerprint(
  db: Executor,
  fingerprint: string,
): Promise<AgentRecord | undefined> {
  const row = await db
    .selectFrom("agent")
    .selectAll()
    .where("fingerprint", "=", fingerprint)
    .executeTakeFirst();
  return row ? toAgent(row) : undefined;
}

export async function listAgents(db: Executor): Promise<ListedAgent[]> {
  const rows = await db
    .selectFrom("agent")
    .leftJoin("access_reader", "access_reader.id", "agent.reader_id")
    .selectAll("agent")
    .select("access_reader.name as reader_name")
    .orderBy("agent.id")
    .execute();
  return rows.map((row) => ({ ...toAgent(row), readerName: row.reader_name }));
}

export interface NewAgent {
  publicKey: string;
  fingerprint: string;
  name: string;
  role: AgentRole;
  softwareVersion: string;
  requestedAt: string;
}

export async function insertAgent(db: Executor, agent: NewAgent): Promise<AgentRecord> {
  const row = await db
    .insertInto("agent")
    .values({
      public_key: agent.publicKey,
      fingerprint: agent.fingerprint,
      name: agent.name,
      role: agent.role,
      status: "pending",
      requested_at: agent.requestedAt,
      software_version: agent.softwareVersion,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAgent(row);
}

export async function decideAgent(
  db: Executor,
  id: number,
  decision: { status: AgentStatus; readerId: number | null; decidedBy: string; decidedAt: string },
): Promise<AgentRecord> {
  const row = await db
    .updateTable("agent")
    .set({
      status: decision.status,
      reader_id: decision.readerId,
      decided_by: decision.decidedBy,
      decided_at: decision.decidedAt,
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAgent(row);
}

/** The agent other than `exceptId` already approved for a reader: one reader, one agent. */
export async function findApprovedAgentOfReader(
  db: Executor,
  readerId: number,
  exceptId: number,
): Promise<AgentRecord | undefined> {
  const row = await db
    .selectFrom("agent")
    .selectAll()
    .where("reader_id", "=", readerId)
    .where("status", "=", "approved")
    .where("id", "!=", exceptId)
    .executeTakeFirst();
  return row ? toAgent(row) : undefined;
}

export interface AgentSighting {
  lastSeenAt: string;
  snapshotVersion?: number | null;
  softwareVersion?: string;
  clockSkewMs?: number;
}

/** Records what an agent said about itself when it connected, sent a heartbeat or applied a snapshot. */
export async function recordAgentSighting(db: Executor, id: number, sighting: AgentSighting): Promise<void> {
  await db
    .updateTable("agent")
    .set({
      last_seen_at: sighting.lastSeenAt,
      ...(sighting.snapshotVersion === undefined ? {} : { snapshot_version: sighting.snapshotVersion }),
      ...(sighting.softwareVersion === undefined ? {} : { software_version: sighting.softwareVersion }),
      ...(sighting.clockSkewMs === undefined ? {} : { clock_skew_ms: sighting.clockSkewMs }),
    })
    .where("id", "=", id)
    .execute();
}

/** Which of these agents are still approved: the others must not stay connected. */
export async function filterApprovedAgentIds(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("agent")
    .select("id")
    .where("id", "in", [...ids])
    .where("status", "=", "approved")
    .execute();
  return new Set(rows.map((row) => row.id));
}
