import { hostname } from "node:os";
import {
  type AgentMessage,
  type AgentRefusalReason,
  agentHelloTag,
  agentSocketPath,
  type ServerMessage,
  serverMessageSchema,
} from "@tobira/protocol";
import WebSocket from "ws";
import type { Clock } from "../clock";
import type { AgentConfig } from "../config";
import type { AgentKey } from "../identity/agent-key";
import type { AgentLog } from "../log";
import type { Outbox } from "../outbox/outbox";
import type { SnapshotStore } from "../snapshot/snapshot-store";
import { readAssignment, writeAssignment } from "./assignment-file";
import { computeBackoffMs, computeSpreadMs } from "./backoff";
import { createOutboxDelivery } from "./outbox-delivery";
import { registerAgent } from "./register-agent";
import { type CommandHandler, runCommand, truncateMessage } from "./run-command";
import type { AgentAssignment, ServerLink } from "./server-link";
import { resolveServerUrl } from "./server-url";

export interface LinkTiming {
  /** Reconnect backoff: full jitter from base doubling up to cap. */
  reconnectBaseMs: number;
  reconnectCapMs: number;
  /** While the administrator has not approved the agent yet. */
  pendingRetryMinMs: number;
  pendingRetryMaxMs: number;
  /** After a revoked / unknown agent refusal or a server key that is not the pinned one. */
  lockedOutMs: number;
  /** After events were refused or only partly acknowledged. */
  deliveryRetryMs: number;
  /** An events batch without an answer this long means the connection is dead. */
  ackTimeoutMs: number;
  connectTimeoutMs: number;
}

export const defaultLinkTiming: LinkTiming = {
  reconnectBaseMs: 500,
  reconnectCapMs: 30_000,
  pendingRetryMinMs: 5_000,
  pendingRetryMaxMs: 10_000,
  lockedOutMs: 10 * 60_000,
  deliveryRetryMs: 5_000,
  ackTimeoutMs: 30_000,
  connectTimeoutMs: 10_000,
};

export interface WebSocketLinkDeps {
  config: Pick<AgentConfig, "server" | "role" | "name" | "dataDir">;
  key: AgentKey;
  outbox: Outbox;
  policy: SnapshotStore;
  clock: Clock;
  log: AgentLog;
  softwareVersion: string;
  timing?: Partial<LinkTiming>;
  random?: () => number;
}

const category = "agent";

/**
 * Opens the agent's link: registers the key (until the server answers), then holds one WebSocket,
 * proving the key on each connection and reconnecting with backoff and jitter until closed.
 */
export function openWebSocketLink(deps: WebSocketLinkDeps): ServerLink {
  const { config, key, outbox, policy, clock, log } = deps;
  const timing: LinkTiming = { ...defaultLinkTiming, ...deps.timing };
  const random = deps.random ?? Math.random;
  const name = config.name ?? hostname();

  const messageListeners = new Set<(message: ServerMessage) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let commandHandler: CommandHandler | null = null;

  let assignment = readAssignment(config.dataDir);
  let registered = assignment !== null;
  let stopped = false;
  let socket: WebSocket | null = null;
  let authenticated = false;
  let attempt = 0;
  // A refusal sets how long to wait before the next try instead of the usual backoff.
  let nextWaitMs: number | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  // Monotonic, not the agent's clock: a clock step (NTP) must not look like a silent server.
  let lastHeardAt = 0;
  const registrationAbort = new AbortController();
  const delivery = createOutboxDelivery({
    outbox,
    log,
    send: (message) => send(message),
    onStalled: () => dropConnection(null),
    retryMs: timing.deliveryRetryMs,
    ackTimeoutMs: timing.ackTimeoutMs,
  });

  function notifyConnection(connected: boolean): void {
    for (const listener of connectionListeners) {
      try {
        listener(connected);
      } catch (error) {
        log.error({ category, err: error }, "a connection listener failed");
      }
    }
  }

  function sendRaw(message: AgentMessage): boolean {
    if (socket === null || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  function send(message: AgentMessage): boolean {
    return authenticated ? sendRaw(message) : false;
  }

  function scheduleRetry(run: () => void): void {
    if (stopped) return;
    const waitMs =
      nextWaitMs ??
      computeBackoffMs(attempt, random, {
        baseMs: timing.reconnectBaseMs,
        capMs: timing.reconnectCapMs,
      });
    nextWaitMs = null;
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      run();
    }, waitMs);
  }

  function start(): void {
    if (stopped) return;
    if (registered) connect();
    else void register();
  }

  async function register(): Promise<void> {
    try {
      const result = await registerAgent({
        server: config.server,
        key,
        role: config.role,
        name,
        softwareVersion: deps.softwareVersion,
        signal: registrationAbort.signal,
      });
      if (stopped) return;
      registered = true;
      attempt = 0;
      if (result.status === "revoked") {
        log.error(
          { category, fingerprint: key.fingerprint, agentId: result.agentId },
          "this agent's key has been revoked; ask the administrator to register a new one",
        );
        nextWaitMs = timing.lockedOutMs;
        registered = false;
        scheduleRetry(start);
        return;
      }
      if (result.status === "pending") {
        log.warn(
          { category, fingerprint: key.fingerprint, agentId: result.agentId },
          `waiting for approval: compare the fingerprint ${key.fingerprint} in the web UI`,
        );
      }
      connect();
    } catch (error) {
      if (stopped) return;
      log.warn({ category, err: error, server: config.server }, "cannot register with the server yet");
      scheduleRetry(start);
    }
  }

  function connect(): void {
    if (stopped) return;
    const url = resolveServerUrl(config.server, agentSocketPath, true);
    const ws = new WebSocket(url, { handshakeTimeout: timing.connectTimeoutMs });
    socket = ws;
    ws.on("message", (data) => {
      lastHeardAt = performance.now();
      handleData(data.toString());
    });
    ws.on("error", (error) => {
      log.warn({ category, err: error }, "server connection error");
    });
    ws.on("close", () => {
      if (socket !== ws) return;
      handleClose();
    });
  }

  function handleClose(): void {
    socket = null;
    const wasConnected = authenticated;
    authenticated = false;
    stopHeartbeat();
    delivery.reset();
    if (wasConnected) {
      log.warn({ category }, "disconnected from the server; deciding offline");
      notifyConnection(false);
    }
    scheduleRetry(start);
  }

  function dropConnection(waitMs: number | null): void {
    nextWaitMs = waitMs;
    socket?.terminate();
  }

  function handleData(text: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      // A frame that is not JSON is ignored like any other message the agent does not understand.
      raw = null;
    }
    const parsed = serverMessageSchema.safeParse(raw);
    if (!parsed.success) {
      log.warn({ category }, "ignored a message from the server that is not in the protocol");
      return;
    }
    handleMessage(parsed.data);
    for (const listener of messageListeners) {
      try {
        listener(parsed.data);
      } catch (error) {
        log.error({ category, err: error, type: parsed.data.type }, "a message listener failed");
      }
    }
  }

  function handleMessage(message: ServerMessage): void {
    switch (message.type) {
      case "challenge":
        sendHello(message.nonce);
        return;
      case "welcome":
        handleWelcome(message);
        return;
      case "refused":
        handleRefused(message.reason, message.message);
        return;
      case "snapshot":
        reportPolicyUpdate(policy.applySnapshot(message.snapshot));
        return;
      case "delta":
        reportPolicyUpdate(policy.applyDelta(message.delta));
        return;
      case "events_ack":
        delivery.handleAck(message.batchId, [...message.accepted, ...message.duplicates]);
        return;
      case "events_refused":
        delivery.handleRefused(message.batchId, message.message);
        return;
      case "command":
        void runCommand(message, { clock, log, handler: commandHandler }).then(send);
        return;
      default:
        return;
    }
  }

  function sendHello(nonce: string): void {
    const signature = key.sign(new TextEncoder().encode(`${agentHelloTag}${nonce}`));
    sendRaw({
      type: "hello",
      publicKey: key.publicKey,
      signature: Buffer.from(signature).toString("base64"),
      agentTime: clock().toISOString(),
      snapshotVersion: policy.current()?.version ?? null,
      softwareVersion: deps.softwareVersion,
    });
  }

  function handleWelcome(message: Extract<ServerMessage, { type: "welcome" }>): void {
    const pinned = policy.pinServerKey(message.snapshotKey.publicKeyPem);
    if (!pinned.ok) {
      log.error(
        { category, reason: pinned.message },
        "refusing this server: its snapshot key is not the pinned one",
      );
      dropConnection(timing.lockedOutMs);
      return;
    }
    const next: AgentAssignment = {
      agentId: message.agentId,
      readerId: message.readerId,
      doorId: message.doorId,
      role: message.role,
    };
    if (JSON.stringify(next) !== JSON.stringify(assignment)) {
      assignment = next;
      writeAssignment(config.dataDir, next);
    }
    if (message.role !== config.role) {
      log.warn(
        { category, assigned: message.role, configured: config.role },
        "the server assigned another role",
      );
    }
    const skewFields = { category, clockSkewMs: message.clockSkewMs, limitMs: message.clockSkewLimitMs };
    if (Math.abs(message.clockSkewMs) > message.clockSkewLimitMs) {
      log.error(
        skewFields,
        "this computer's clock is off; doors decide schedules on it, so set it right (NTP)",
      );
    }
    attempt = 0;
    authenticated = true;
    log.info({ category, ...next, clockSkewMs: message.clockSkewMs }, "connected to the server");
    startHeartbeat(message.heartbeatSeconds);
    notifyConnection(true);
    delivery.deliver();
  }

  function handleRefused(reason: AgentRefusalReason, text: string): void {
    const fields = { category, reason, message: text, fingerprint: key.fingerprint };
    switch (reason) {
      case "pending":
        log.warn(fields, `waiting for approval: compare the fingerprint ${key.fingerprint} in the web UI`);
        dropConnection(computeSpreadMs(timing.pendingRetryMinMs, timing.pendingRetryMaxMs, random));
        return;
      case "revoked":
        log.error(
          fields,
          "THE SERVER HAS REVOKED THIS AGENT; it will not connect until re-registered and approved",
        );
        dropConnection(timing.lockedOutMs);
        return;
      case "unknown_agent":
        log.error(fields, "THE SERVER DOES NOT KNOW THIS AGENT; registering again later");
        registered = false;
        dropConnection(timing.lockedOutMs);
        return;
      default:
        log.error(fields, "the server refused the connection");
        dropConnection(null);
    }
  }

  function reportPolicyUpdate(update: ReturnType<SnapshotStore["applySnapshot"]>): void {
    if (update.ok) send({ type: "snapshot_applied", version: update.version });
    else send({ type: "snapshot_refused", version: update.version, reason: truncateMessage(update.reason) });
  }

  function startHeartbeat(seconds: number): void {
    stopHeartbeat();
    const intervalMs = Math.max(1, seconds) * 1000;
    heartbeatTimer = setInterval(() => {
      // Three silent intervals: the TCP connection is gone even if the socket has not noticed.
      if (performance.now() - lastHeardAt > 3 * intervalMs) {
        log.warn({ category }, "the server stopped answering; reconnecting");
        dropConnection(null);
        return;
      }
      send({
        type: "heartbeat",
        agentTime: clock().toISOString(),
        snapshotVersion: policy.current()?.version ?? null,
        outboxLength: outbox.length(),
      });
    }, intervalMs);
  }

  function stopHeartbeat(): void {
    if (heartbeatTimer !== null) clearInterval(heartbeatTimer);
    heartbeatTimer = null;
  }

  start();

  return {
    send,
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onCommand(handler) {
      commandHandler = handler;
      return () => {
        if (commandHandler === handler) commandHandler = null;
      };
    },
    isConnected: () => authenticated,
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    assignment: () => assignment,
    flush() {
      if (authenticated && !stopped) delivery.deliver();
    },
    async close() {
      if (stopped) return;
      stopped = true;
      registrationAbort.abort();
      if (retryTimer !== null) clearTimeout(retryTimer);
      stopHeartbeat();
      delivery.reset();
      const ws = socket;
      if (ws === null) return;
      const wasConnected = authenticated;
      authenticated = false;
      await new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) {
          resolve();
          return;
        }
        const fallback = setTimeout(() => ws.terminate(), 2_000);
        ws.once("close", () => {
          clearTimeout(fallback);
          resolve();
        });
        if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
        else ws.close(1001, "agent stopping");
      });
      socket = null;
      if (wasConnected) notifyConnection(false);
    },
  };
}
