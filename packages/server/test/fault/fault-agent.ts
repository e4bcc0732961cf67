import type { ServerMessage } from "@tobira/protocol";
import { vi } from "vitest";
import { createAgentLog } from "../../../agent/src/agent-log";
import { systemClock } from "../../../agent/src/clock";
import { type AgentKey, loadOrCreateAgentKey } from "../../../agent/src/identity/agent-key";
import type { Outbox, OutboxEvent } from "../../../agent/src/outbox/outbox";
import { openSqliteOutbox } from "../../../agent/src/outbox/sqlite-outbox";
import { openSnapshotStore } from "../../../agent/src/snapshot/snapshot-store";
import type { ServerLink } from "../../../agent/src/sync/server-link";
import { openWebSocketLink } from "../../../agent/src/sync/websocket-link";

/** Reconnect within tens of ms, and give up on an unanswered batch after 5 s, so a test sees many cycles. */
const quickTiming = {
  reconnectBaseMs: 20,
  reconnectCapMs: 200,
  pendingRetryMinMs: 100,
  pendingRetryMaxMs: 200,
  deliveryRetryMs: 200,
  ackTimeoutMs: 5_000,
  connectTimeoutMs: 2_000,
};

/**
 * A reader agent reduced to what delivery needs: its key, its durable outbox and its server link, the
 * same code a door runs. It records every event id the server acknowledged (accepted or duplicate).
 */
export interface FaultAgent {
  outbox: Outbox;
  link: ServerLink | null;
  /** Event ids in the order append returned (each on disk by then). */
  readonly appended: string[];
  /** Event ids the server acknowledged to this agent. */
  readonly acknowledged: Set<string>;
  /** When each acknowledged event's ack arrived (performance.now()). */
  readonly acknowledgedAt: Map<string, number>;
  /** Records a denied tap, as a door does before it acts, and nudges delivery. */
  decide(): OutboxEvent;
  /** Opens the server link (an agent that was offline coming back). */
  connect(server: string): void;
  close(): Promise<void>;
}

export function prepareAgentKey(dataDir: string): AgentKey {
  return loadOrCreateAgentKey(dataDir);
}

export function openFaultAgent(dataDir: string, name: string): FaultAgent {
  const log = createAgentLog({ level: "silent" });
  const outbox = openSqliteOutbox(dataDir, systemClock);
  const appended: string[] = [];
  const acknowledged = new Set<string>();
  const acknowledgedAt = new Map<string, number>();
  let link: ServerLink | null = null;

  function recordAck(message: ServerMessage): void {
    if (message.type !== "events_ack") return;
    const now = performance.now();
    for (const eventId of [...message.accepted, ...message.duplicates]) {
      acknowledged.add(eventId);
      if (!acknowledgedAt.has(eventId)) acknowledgedAt.set(eventId, now);
    }
  }

  return {
    outbox,
    get link() {
      return link;
    },
    appended,
    acknowledged,
    acknowledgedAt,
    decide() {
      const event = outbox.append({
        occurredAt: new Date().toISOString(),
        kind: "decision",
        credentialKey: "staffCard:1",
        granted: false,
        reason: "unknown_card",
      });
      appended.push(event.eventId);
      link?.flush();
      return event;
    },
    connect(server) {
      if (link !== null) return;
      link = openWebSocketLink({
        config: { server, role: "door", name, dataDir },
        key: loadOrCreateAgentKey(dataDir),
        outbox,
        policy: openSnapshotStore({ dataDir, log }),
        clock: systemClock,
        log,
        softwareVersion: "0.1.0",
        timing: quickTiming,
      });
      link.onMessage(recordAck);
    },
    async close() {
      await link?.close();
      outbox.close();
    },
  };
}

/** Waits until every agent's outbox is empty: everything it decided was acknowledged. */
export async function waitUntilDelivered(agents: readonly FaultAgent[], timeoutMs: number): Promise<void> {
  await vi.waitFor(
    () => {
      const queued = agents.map((agent) => agent.outbox.length());
      if (queued.some((length) => length > 0)) throw new Error(`still queued: ${queued.join(", ")}`);
    },
    { timeout: timeoutMs, interval: 20 },
  );
}
