import { randomUUID } from "node:crypto";
import type {
  AgentCommandKind,
  AgentCommandResult,
  AgentMessage,
  DoorState,
  ServerMessage,
} from "@tobira/protocol";
import type { FastifyBaseLogger } from "fastify";
import type { WebSocket } from "ws";
import { readAccessVersion } from "../access/access-version";
import { subscribeToPolicyChanges } from "../cluster/policy-changes";
import type { PostgresListener } from "../cluster/postgres-listener";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { AgentConnection, type ConnectionHost, type LiveAgent } from "./agent-connection";
import { filterApprovedAgentIds } from "./agent-repository";
import { createPolicyCache } from "./policy-cache";

export const commandTimeoutMs = 5000;
// Changes made by the CLI or another server instance reach agents through this poll, unless
// PostgreSQL announces them (LISTEN/NOTIFY): then the policy poll is only a safety net.
const defaultPollEveryMs = 1000;
const defaultPolicyPollWhileListeningMs = 30_000;

export interface DoorStateItem {
  readerId: number;
  agentId: number;
  state: DoorState;
  at: string;
}

type EnrolmentResult = Extract<AgentMessage, { type: "enrolment_result" }>;

/** The live side of reader agents on this server instance: their sockets, pushes and commands. */
export interface AgentHub {
  accept(socket: WebSocket): void;
  /** Pushes the policy to every connected agent when the access version moved since the last push. */
  poke(): Promise<void>;
  /** True while PostgreSQL announces policy changes made through other instances to this one. */
  hearsPolicyChanges(): boolean;
  isConnected(agentId: number): boolean;
  send(agentId: number, message: ServerMessage): boolean;
  /** Closes an agent's socket at once, telling it why. */
  disconnect(agentId: number, reason: "revoked"): void;
  sendCommand(
    agentId: number,
    command: { command: AgentCommandKind; seconds: number | null },
  ): Promise<AgentCommandResult>;
  doorStates(): DoorStateItem[];
  onSnapshotApplied(listener: (agentId: number, version: number) => void): () => void;
  onEnrolmentResult(listener: (agentId: number, result: EnrolmentResult) => void): () => void;
  close(): Promise<void>;
}

export interface AgentHubOptions {
  log: FastifyBaseLogger;
  helloTimeoutMs?: number;
  /** How often connected agents' approval and (unless announced) the policy version are checked. */
  pollEveryMs?: number;
  /** How often the policy version is still checked while PostgreSQL announces its changes. */
  policyPollWhileListeningMs?: number;
}

interface PendingCommand {
  agentId: number;
  finish(result: AgentCommandResult): void;
}

export function createAgentHub(deps: Deps, options: AgentHubOptions): AgentHub {
  const { log } = options;
  const pollEveryMs = options.pollEveryMs ?? defaultPollEveryMs;
  const policyPollWhileListeningMs = options.policyPollWhileListeningMs ?? defaultPolicyPollWhileListeningMs;
  const policy = createPolicyCache(deps);
  const connections = new Set<AgentConnection>();
  const byAgent = new Map<number, AgentConnection>();
  const doorStates = new Map<number, DoorStateItem>();
  const commands = new Map<string, PendingCommand>();
  const appliedListeners = new Set<(agentId: number, version: number) => void>();
  const enrolmentListeners = new Set<(agentId: number, result: EnrolmentResult) => void>();
  let pushedVersion = -1;
  let pushing: Promise<void> | null = null;
  let pushAgain = false;
  let poll: NodeJS.Timeout | null = null;
  let closing = false;
  let lastPolicyCheckMs = performance.now();
  const policyChanges = listenForPolicyChanges();

  function listenForPolicyChanges(): PostgresListener | null {
    const url = deps.config.databaseUrl;
    if (deps.dialect !== "postgres" || url === undefined) return null;
    return subscribeToPolicyChanges(url, log, () => {
      void poke();
      void closeAgentsNoLongerApproved();
    });
  }

  function startPolling(): void {
    if (poll || closing) return;
    lastPolicyCheckMs = performance.now();
    poll = setInterval(() => {
      if (!hearsPolicyChanges() || performance.now() - lastPolicyCheckMs >= policyPollWhileListeningMs)
        void poke();
      // Revoking an agent does not move the policy version, so it is never announced.
      void closeAgentsNoLongerApproved();
    }, pollEveryMs);
    poll.unref();
  }

  function hearsPolicyChanges(): boolean {
    return policyChanges?.state() === "listening";
  }

  function stopPollingWhenIdle(): void {
    if (poll && byAgent.size === 0) {
      clearInterval(poll);
      poll = null;
    }
  }

  const host: ConnectionHost = {
    deps,
    log,
    policy,
    helloTimeoutMs: options.helloTimeoutMs ?? 10_000,
    welcomed(connection) {
      const agent = connection.agent;
      if (!agent) return;
      const older = byAgent.get(agent.agentId);
      byAgent.set(agent.agentId, connection);
      if (older && older !== connection) older.close(4409, "replaced by a newer connection");
      startPolling();
    },
    closed(connection) {
      connections.delete(connection);
      const agent = connection.agent;
      if (!agent || byAgent.get(agent.agentId) !== connection) return;
      byAgent.delete(agent.agentId);
      const door = doorStates.get(agent.readerId);
      if (door?.agentId === agent.agentId) doorStates.delete(agent.readerId);
      for (const [commandId, pending] of commands)
        if (pending.agentId === agent.agentId) {
          commands.delete(commandId);
          pending.finish({ ok: false, message: "The agent's connection closed before it answered." });
        }
      stopPollingWhenIdle();
    },
    snapshotApplied(agentId, version) {
      for (const listener of appliedListeners) listener(agentId, version);
    },
    doorStateReported(agent: LiveAgent, state) {
      const at = deps.clock.now().toISOString();
      doorStates.set(agent.readerId, { readerId: agent.readerId, agentId: agent.agentId, state, at });
    },
    commandAnswered(agentId, result) {
      const pending = commands.get(result.commandId);
      if (!pending || pending.agentId !== agentId) return;
      commands.delete(result.commandId);
      pending.finish({ ok: result.ok, message: result.message });
    },
    enrolmentAnswered(agentId, result) {
      for (const listener of enrolmentListeners) listener(agentId, result);
    },
  };

  async function pushOnce(): Promise<void> {
    if (byAgent.size === 0) return;
    lastPolicyCheckMs = performance.now();
    const current = await readAccessVersion(deps.db);
    if (current <= pushedVersion) return;
    pushedVersion = current;
    await Promise.all([...byAgent.values()].map((connection) => connection.bringUpToDate(current)));
  }

  function poke(): Promise<void> {
    if (pushing) {
      pushAgain = true;
      return pushing;
    }
    pushing = (async () => {
      do {
        pushAgain = false;
        await pushOnce();
      } while (pushAgain && !closing);
    })()
      .catch((error: unknown) => log.error({ err: error }, "pushing the access policy to agents failed"))
      .finally(() => {
        pushing = null;
      });
    return pushing;
  }

  // An agent revoked through another instance (or removed from the store) is shut out here too.
  async function closeAgentsNoLongerApproved(): Promise<void> {
    try {
      const checked = [...byAgent.keys()];
      const approved = await filterApprovedAgentIds(deps.db, checked);
      // Only the agents asked about: one welcomed while the query ran is missing from its answer.
      for (const agentId of checked)
        if (!approved.has(agentId)) byAgent.get(agentId)?.refuse("revoked", "This agent has been revoked.");
    } catch (error) {
      log.error({ err: error }, "checking connected agents failed");
    }
  }

  function liveConnection(agentId: number): AgentConnection | undefined {
    const connection = byAgent.get(agentId);
    return connection?.isOpen() ? connection : undefined;
  }

  return {
    accept(socket) {
      if (closing) {
        socket.close(1001, "server closing");
        return;
      }
      connections.add(new AgentConnection(socket, host));
    },
    poke,
    hearsPolicyChanges,
    isConnected: (agentId) => liveConnection(agentId) !== undefined,
    send: (agentId, message) => liveConnection(agentId)?.send(message) ?? false,
    disconnect(agentId, reason) {
      liveConnection(agentId)?.refuse(reason, "This agent has been revoked.");
    },
    sendCommand(agentId, { command, seconds }) {
      const connection = liveConnection(agentId);
      if (!connection)
        throw new AppError("conflict", `Agent ${agentId} is not connected; commands are never queued.`);
      const commandId = randomUUID();
      const expiresAt = new Date(deps.clock.now().getTime() + commandTimeoutMs).toISOString();
      return new Promise<AgentCommandResult>((resolve) => {
        const timer = setTimeout(() => {
          commands.delete(commandId);
          resolve({
            ok: false,
            message: `The agent did not answer within ${commandTimeoutMs / 1000} seconds.`,
          });
        }, commandTimeoutMs);
        commands.set(commandId, {
          agentId,
          finish(result) {
            clearTimeout(timer);
            resolve(result);
          },
        });
        connection.send({ type: "command", commandId, command, seconds, expiresAt });
      });
    },
    doorStates: () => [...doorStates.values()].sort((a, b) => a.readerId - b.readerId),
    onSnapshotApplied(listener) {
      appliedListeners.add(listener);
      return () => appliedListeners.delete(listener);
    },
    onEnrolmentResult(listener) {
      enrolmentListeners.add(listener);
      return () => enrolmentListeners.delete(listener);
    },
    async close() {
      closing = true;
      if (poll) clearInterval(poll);
      poll = null;
      await policyChanges?.close();
      for (const connection of connections) connection.close(1001, "server closing");
      for (const [commandId, pending] of commands) {
        commands.delete(commandId);
        pending.finish({ ok: false, message: "The server is shutting down." });
      }
      await pushing;
    },
  };
}
