import type { AgentDto, AgentList } from "@tobira/protocol";
import { readAccessVersion } from "../access/access-version";
import type { Deps } from "../deps";
import { heartbeatSeconds } from "./agent-connection";
import { groupFingerprint } from "./agent-fingerprint";
import { type ListedAgent, listAgents } from "./agent-repository";
import { isSkewBeyondLimit } from "./clock-skew";

// An agent connected to another instance is known only by its last heartbeat.
const seenRecentlyMs = 3 * heartbeatSeconds * 1000;

function wasSeenRecently(lastSeenAt: string | null, now: Date): boolean {
  return lastSeenAt !== null && now.getTime() - Date.parse(lastSeenAt) <= seenRecentlyMs;
}

/** Every agent with what the administrator needs to judge it: versions, clock, connection. */
export async function presentAgents(
  { db, clock, config }: Pick<Deps, "db" | "clock" | "config">,
  isConnectedHere: (agentId: number) => boolean,
): Promise<AgentList> {
  const now = clock.now();
  const [agents, currentSnapshotVersion] = await Promise.all([listAgents(db), readAccessVersion(db)]);
  const limitMs = config.agentClockSkewLimitMs;
  const present = (agent: ListedAgent): AgentDto => ({
    id: agent.id,
    name: agent.name,
    role: agent.role,
    status: agent.status,
    fingerprint: groupFingerprint(agent.fingerprint),
    readerId: agent.readerId,
    readerName: agent.readerName,
    requestedAt: agent.requestedAt,
    decidedBy: agent.decidedBy,
    decidedAt: agent.decidedAt,
    softwareVersion: agent.softwareVersion,
    snapshotVersion: agent.snapshotVersion,
    currentSnapshotVersion,
    clockSkewMs: agent.clockSkewMs,
    clockSkewAlarm: isSkewBeyondLimit(agent.clockSkewMs, limitMs),
    connected:
      agent.status === "approved" && (isConnectedHere(agent.id) || wasSeenRecently(agent.lastSeenAt, now)),
    lastSeenAt: agent.lastSeenAt,
  });
  return { items: agents.map(present), clockSkewLimitMs: limitMs };
}
