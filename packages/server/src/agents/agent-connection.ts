import { randomBytes } from "node:crypto";
import {
  type AgentMessage,
  type AgentRefusalReason,
  type AgentRole,
  agentHelloTag,
  agentMessageSchema,
  type DoorState,
  type ServerMessage,
} from "@tobira/protocol";
import type { FastifyBaseLogger } from "fastify";
import type { WebSocket } from "ws";
import { readAccessVersion } from "../access/access-version";
import { findReader } from "../access/reader-repository";
import { ingestAccessEvents } from "../access-events/ingest-access-events";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { decodeAgentPublicKey, verifyAgentSignature } from "./agent-key";
import { findAgentByPublicKey, recordAgentSighting } from "./agent-repository";
import { isSkewBeyondLimit, measureClockSkew, recordClockSkew } from "./clock-skew";
import type { PolicyCache, PolicyUpdate } from "./policy-cache";

export const heartbeatSeconds = 10;
// last_seen_at is shown to the minute's precision in practice; one write per heartbeat period is plenty.
const sightingWriteEveryMs = heartbeatSeconds * 1000;

/** Close codes: the agent tells "who are you" refusals from "not allowed" ones and from garbage. */
const closeCodes: Record<AgentRefusalReason, number> = {
  unknown_agent: 4401,
  bad_signature: 4401,
  pending: 4403,
  revoked: 4403,
  bad_message: 4400,
};

export interface LiveAgent {
  agentId: number;
  readerId: number;
  doorId: number | null;
  role: AgentRole;
}

type CommandResult = Extract<AgentMessage, { type: "command_result" }>;
type EnrolmentResult = Extract<AgentMessage, { type: "enrolment_result" }>;

/** What a connection needs from the hub that holds it. */
export interface ConnectionHost {
  deps: Deps;
  log: FastifyBaseLogger;
  policy: PolicyCache;
  helloTimeoutMs: number;
  welcomed(connection: AgentConnection): void;
  closed(connection: AgentConnection): void;
  snapshotApplied(agentId: number, version: number): void;
  doorStateReported(agent: LiveAgent, state: DoorState): void;
  commandAnswered(agentId: number, result: CommandResult): void;
  enrolmentAnswered(agentId: number, result: EnrolmentResult): void;
}

/**
 * One agent's socket: a challenge, a signed hello, then the agent's messages handled one at a time in
 * arrival order (so its event batches are stored in the order it sent them) alongside policy pushes.
 */
export class AgentConnection {
  agent: LiveAgent | null = null;
  private readonly nonce = randomBytes(32).toString("base64");
  private readonly challengeSentAt: Date;
  private readonly helloTimer: NodeJS.Timeout;
  private queue: Promise<void> = Promise.resolve();
  /** The policy version the agent runs or has been sent; null until it has one. */
  private version: number | null = null;
  private lastSent: PolicyUpdate | null = null;
  private lastSightingMs = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly host: ConnectionHost,
  ) {
    this.challengeSentAt = host.deps.clock.now();
    this.send({ type: "challenge", nonce: this.nonce, serverTime: this.challengeSentAt.toISOString() });
    this.helloTimer = setTimeout(() => {
      this.refuse("bad_message", `No hello within ${host.helloTimeoutMs / 1000} seconds.`);
    }, host.helloTimeoutMs);
    socket.on("message", (data, isBinary) => {
      const text = isBinary ? null : data.toString();
      this.enqueue(() => this.receive(text));
    });
    socket.on("close", () => {
      clearTimeout(this.helloTimer);
      host.closed(this);
    });
  }

  isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  send(message: ServerMessage): boolean {
    return this.sendText(JSON.stringify(message));
  }

  refuse(reason: AgentRefusalReason, message: string): void {
    this.send({ type: "refused", reason, message });
    this.socket.close(closeCodes[reason], reason);
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  /** Sends whatever brings the agent to `current`, after anything already queued. */
  bringUpToDate(current: number): Promise<void> {
    return this.enqueue(() => this.pushPolicy(current));
  }

  private sendText(text: string): boolean {
    if (!this.isOpen()) return false;
    this.socket.send(text);
    return true;
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work).catch((error: unknown) => {
      this.host.log.error({ err: error, agentId: this.agent?.agentId }, "agent message failed");
      // A hello that failed on the server's side leaves nothing to talk about; the agent retries later.
      if (!this.agent) this.close(1011, "server error");
    });
    this.queue = next;
    return next;
  }

  private async pushPolicy(current: number): Promise<void> {
    if (!this.agent || !this.isOpen()) return;
    if (this.version !== null && this.version >= current) return;
    const update = await this.host.policy.updateFor(this.version, current);
    if (!update) return;
    if (this.sendText(update.text)) {
      this.version = update.version;
      this.lastSent = update;
    }
  }

  private async receive(text: string | null): Promise<void> {
    if (!this.isOpen()) return;
    const message = parseAgentMessage(text);
    if (typeof message === "string") return this.refuse("bad_message", message);
    if (!this.agent) {
      if (message.type !== "hello") return this.refuse("bad_message", "Say hello first.");
      return this.hello(message);
    }
    switch (message.type) {
      case "hello":
        return this.refuse("bad_message", "This connection has already said hello.");
      case "events":
        return this.storeEvents(this.agent, message);
      case "heartbeat":
        return this.heartbeat(this.agent, message);
      case "snapshot_applied":
        return this.snapshotApplied(this.agent, message.version);
      case "snapshot_refused":
        return this.snapshotRefused(this.agent, message);
      case "door_state":
        this.host.doorStateReported(this.agent, message.state);
        return;
      case "command_result":
        this.host.commandAnswered(this.agent.agentId, message);
        return;
      case "enrolment_result":
        this.host.enrolmentAnswered(this.agent.agentId, message);
        return;
    }
  }

  private async hello(message: Extract<AgentMessage, { type: "hello" }>): Promise<void> {
    const { deps } = this.host;
    const receivedAt = deps.clock.now();
    clearTimeout(this.helloTimer);
    const key = decodeAgentPublicKey(message.publicKey);
    if (!key || !verifyAgentSignature(key.key, agentHelloTag + this.nonce, message.signature))
      return this.refuse("bad_signature", "The hello's signature does not verify with its public key.");
    const agent = await findAgentByPublicKey(deps.db, key.raw.toString("base64"));
    if (!agent) return this.refuse("unknown_agent", "This key is not registered; register the agent first.");
    if (agent.status === "revoked") return this.refuse("revoked", "This agent has been revoked.");
    if (agent.status === "pending" || agent.readerId === null)
      return this.refuse("pending", "This agent waits for an administrator's approval.");
    const reader = await findReader(deps.db, agent.readerId);
    if (!reader) return this.refuse("pending", "This agent's reader no longer exists; approve it again.");

    const clockSkewMs = measureClockSkew(message.agentTime, this.challengeSentAt, receivedAt);
    await recordAgentSighting(deps.db, agent.id, {
      lastSeenAt: receivedAt.toISOString(),
      snapshotVersion: message.snapshotVersion,
      softwareVersion: message.softwareVersion,
      clockSkewMs,
    });
    this.lastSightingMs = receivedAt.getTime();
    const limitMs = deps.config.agentClockSkewLimitMs;
    if (isSkewBeyondLimit(clockSkewMs, limitMs)) await recordClockSkew(deps, agent.id, reader.id, receivedAt);

    const signingKey = await this.host.policy.signingKey();
    const live = { agentId: agent.id, readerId: reader.id, doorId: reader.doorId, role: agent.role };
    if (!this.isOpen()) return;
    this.agent = live;
    this.version = message.snapshotVersion;
    this.host.welcomed(this);
    this.send({
      type: "welcome",
      ...live,
      serverTime: deps.clock.now().toISOString(),
      clockSkewMs,
      clockSkewLimitMs: limitMs,
      heartbeatSeconds,
      snapshotKey: { publicKeyPem: signingKey.publicKeyPem, fingerprint: signingKey.fingerprint },
    });
    this.host.log.info({ agentId: agent.id, readerId: reader.id, clockSkewMs }, "agent connected");
    await this.pushPolicy(await readAccessVersion(deps.db));
  }

  private async storeEvents(agent: LiveAgent, message: Extract<AgentMessage, { type: "events" }>) {
    try {
      // The reader is the one this agent was approved for, whatever the events might claim.
      const result = await ingestAccessEvents(this.host.deps, agent.readerId, message.events);
      this.send({ type: "events_ack", batchId: message.batchId, ...result });
    } catch (error) {
      if (!(error instanceof AppError))
        this.host.log.error({ err: error, agentId: agent.agentId }, "events failed");
      const text = error instanceof Error ? error.message : "The events could not be stored.";
      this.send({ type: "events_refused", batchId: message.batchId, message: text });
    }
  }

  private async heartbeat(agent: LiveAgent, message: Extract<AgentMessage, { type: "heartbeat" }>) {
    const now = this.host.deps.clock.now();
    this.send({ type: "heartbeat_ack", serverTime: now.toISOString() });
    if (now.getTime() - this.lastSightingMs < sightingWriteEveryMs) return;
    this.lastSightingMs = now.getTime();
    await recordAgentSighting(this.host.deps.db, agent.agentId, {
      lastSeenAt: now.toISOString(),
      snapshotVersion: message.snapshotVersion,
    });
  }

  private async snapshotApplied(agent: LiveAgent, version: number): Promise<void> {
    const now = this.host.deps.clock.now();
    this.lastSightingMs = now.getTime();
    await recordAgentSighting(this.host.deps.db, agent.agentId, {
      lastSeenAt: now.toISOString(),
      snapshotVersion: version,
    });
    this.host.snapshotApplied(agent.agentId, version);
  }

  private async snapshotRefused(
    agent: LiveAgent,
    message: Extract<AgentMessage, { type: "snapshot_refused" }>,
  ) {
    this.host.log.warn(
      { agentId: agent.agentId, version: message.version, reason: message.reason },
      "agent refused policy",
    );
    // A refused delta is answered with the whole snapshot; a refused snapshot is left to the administrator.
    if (this.lastSent?.kind !== "delta" || this.lastSent.version !== message.version) return;
    const update = await this.host.policy.snapshotAt(message.version);
    if (this.sendText(update.text)) {
      this.version = update.version;
      this.lastSent = update;
    }
  }
}

/** The agent's message, or why it is not one. */
function parseAgentMessage(text: string | null): AgentMessage | string {
  if (text === null) return "Messages are JSON text, not binary.";
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "The message is not JSON.";
  }
  const parsed = agentMessageSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `The message is not valid: ${issue ? `${issue.path.join(".") || "message"} ${issue.message}` : "unknown"}.`;
}
