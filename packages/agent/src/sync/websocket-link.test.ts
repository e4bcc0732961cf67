import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AgentMessage } from "@tobira/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeAgentServer, startFakeAgentServer } from "../../test/fake-agent-server";
import { createMemoryLog } from "../../test/memory-log";
import {
  buildOfficeSnapshot,
  buildRevocation,
  createTestServerKey,
  signDeltaDto,
  signSnapshotDto,
  type TestServerKey,
} from "../../test/signed-policy";
import { type AgentKey, loadOrCreateAgentKey } from "../identity/agent-key";
import type { NewAgentEvent, Outbox } from "../outbox/outbox";
import { openSqliteOutbox } from "../outbox/sqlite-outbox";
import { openSnapshotStore, type SnapshotStore } from "../snapshot/snapshot-store";
import { assignmentFileName } from "./assignment-file";
import { deliveryBatchSize } from "./next-batch";
import type { ServerLink } from "./server-link";
import { type LinkTiming, openWebSocketLink } from "./websocket-link";

const fastTiming: Partial<LinkTiming> = {
  reconnectBaseMs: 20,
  reconnectCapMs: 200,
  pendingRetryMinMs: 50,
  pendingRetryMaxMs: 100,
  lockedOutMs: 60_000,
  deliveryRetryMs: 50,
};

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Agent {
  dataDir: string;
  key: AgentKey;
  outbox: Outbox;
  policy: SnapshotStore;
  link: ServerLink;
  log: ReturnType<typeof createMemoryLog>;
}

async function startServer(
  snapshotKey: TestServerKey,
  options: { initialStatus?: "approved" | "pending" } = {},
) {
  const server = await startFakeAgentServer({ snapshotKey, ...options });
  cleanups.push(() => server.close());
  return server;
}

function startAgent(
  server: FakeAgentServer,
  options: { dataDir?: string; clock?: () => Date; timing?: Partial<LinkTiming> } = {},
): Agent {
  let dataDir = options.dataDir;
  if (dataDir === undefined) {
    dataDir = mkdtempSync(join(tmpdir(), "tobira-link-"));
    const created = dataDir;
    cleanups.push(() => rmSync(created, { recursive: true, force: true }));
  }
  const clock = options.clock ?? (() => new Date());
  const log = createMemoryLog();
  const key = loadOrCreateAgentKey(dataDir);
  const outbox = openSqliteOutbox(dataDir, clock);
  const policy = openSnapshotStore({ dataDir, log });
  const link = openWebSocketLink({
    config: { server: server.url, role: "door", name: "archive-reader", dataDir },
    key,
    outbox,
    policy,
    clock,
    log,
    softwareVersion: "0.1.0",
    timing: { ...fastTiming, ...options.timing },
  });
  cleanups.push(async () => {
    await link.close();
    outbox.close();
  });
  return { dataDir, key, outbox, policy, link, log };
}

function tap(minute: number): NewAgentEvent {
  return {
    occurredAt: new Date(Date.UTC(2026, 8, 22, 0, minute)).toISOString(),
    kind: "decision",
    credentialKey: "staffCard:1",
    holderId: "staff:1",
    granted: true,
    reason: "granted",
    assurance: "tap",
  };
}

function messagesOfType<T extends AgentMessage["type"]>(
  server: FakeAgentServer,
  type: T,
): Extract<AgentMessage, { type: T }>[] {
  return server.received.filter(
    (message): message is Extract<AgentMessage, { type: T }> => message.type === type,
  );
}

describe("openWebSocketLink", () => {
  it("registers with a signed request, proves its key on connecting and keeps the assignment on disk", async () => {
    const snapshotKey = createTestServerKey();
    const server = await startServer(snapshotKey);
    const agent = startAgent(server);

    await server.waitFor(() => agent.link.isConnected());
    expect(server.registrations).toEqual([{ publicKey: agent.key.publicKey, name: "archive-reader" }]);
    expect(server.helloFailures).toBe(0);
    expect(messagesOfType(server, "hello")).toEqual([
      expect.objectContaining({
        publicKey: agent.key.publicKey,
        snapshotVersion: null,
        softwareVersion: "0.1.0",
      }),
    ]);
    expect(agent.link.assignment()).toEqual({ agentId: 1, readerId: 10, doorId: 20, role: "door" });
    expect(JSON.parse(readFileSync(join(agent.dataDir, assignmentFileName), "utf8"))).toEqual(
      agent.link.assignment(),
    );
  });

  it("waits for approval, retrying slowly, and connects once the administrator approves", async () => {
    const snapshotKey = createTestServerKey();
    const server = await startServer(snapshotKey, { initialStatus: "pending" });
    const agent = startAgent(server);

    await server.waitFor(() => server.connections >= 2);
    expect(agent.link.isConnected()).toBe(false);
    expect(agent.log.lines.some((line) => line.message.includes(agent.key.fingerprint))).toBe(true);

    server.statusOf.set(agent.key.publicKey, "approved");
    await server.waitFor(() => agent.link.isConnected());
  });

  it("stays away for a long time after the server says the agent is revoked", async () => {
    const snapshotKey = createTestServerKey();
    const server = await startServer(snapshotKey);
    const agent = startAgent(server);
    await server.waitFor(() => agent.link.isConnected());

    server.statusOf.set(agent.key.publicKey, "revoked");
    server.dropAgents();
    await server.waitFor(() => server.connections === 2);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(server.connections).toBe(2);
    expect(agent.link.isConnected()).toBe(false);
    expect(agent.log.lines.some((line) => line.level === "error" && line.fields.reason === "revoked")).toBe(
      true,
    );
  });

  it("delivers the outbox in sequence order, exactly once, across a disconnect before the acknowledgement", async () => {
    const snapshotKey = createTestServerKey();
    const server = await startServer(snapshotKey);
    const agent = startAgent(server);
    const total = Math.round(deliveryBatchSize * 2.4);
    const appended = Array.from({ length: total }, (_, minute) => agent.outbox.append(tap(minute)));
    // The first and the second batch are stored, then the socket drops before the acknowledgement.
    server.dropBeforeAck = new Set([0, 2]);

    await server.waitFor(() => server.stored.length === total && agent.outbox.length() === 0, 10_000);

    expect(server.stored.map((event) => event.eventId)).toEqual(appended.map((event) => event.eventId));
    expect(server.stored.map((event) => event.sequence)).toEqual(appended.map((event) => event.sequence));
    // Both dropped batches came again and were recognised, not stored twice.
    expect(server.duplicates).toEqual(appended.slice(0, 2 * deliveryBatchSize).map((event) => event.eventId));
    expect(server.connections).toBe(3);
  });

  it("keeps one batch in flight at a time and sends what was appended later after a flush", async () => {
    const snapshotKey = createTestServerKey();
    const server = await startServer(snapshotKey);
    const agent = startAgent(server);
    await server.waitFor(() => agent.link.isConnected());

    const first = agent.outbox.append(tap(1));
    agent.link.flush();
    await server.waitFor(() => agent.outbox.length() === 0);
    const second = agent.outbox.append(tap(2));
    agent.link.flush();
    await server.waitFor(() => agent.outbox.length() === 0);

    const batches = messagesOfType(server, "events").map((batch) =>
      batch.events.map((event) => event.eventId),
    );
    expect(batches).toEqual([[first.eventId], [second.eventId]]);
  });

  it("sends a refused batch again later", async () => {
    const snapshotKey = createTestServerKey();
    const server = await startServer(snapshotKey);
    const agent = startAgent(server);
    const event = agent.outbox.append(tap(1));
    server.refuseEvents = 1;

    await server.waitFor(() => agent.outbox.length() === 0);
    expect(server.stored.map((stored) => stored.eventId)).toEqual([event.eventId]);
    expect(messagesOfType(server, "events")).toHaveLength(2);
  });

  it("reconnects with backoff after the server goes away and comes back", async () => {
    const snapshotKey = createTestServerKey();
    const server = await startServer(snapshotKey);
    const agent = startAgent(server);
    const changes: boolean[] = [];
    agent.link.onConnectionChange((connected) => changes.push(connected));
    await server.waitFor(() => agent.link.isConnected());

    server.rejectConnections = true;
    server.dropAgents();
    await server.waitFor(() => !agent.link.isConnected());
    expect(agent.link.send({ type: "snapshot_applied", version: 1 })).toBe(false);
    const offlineEvent = agent.outbox.append(tap(3));
    await new Promise((resolve) => setTimeout(resolve, 300));

    server.rejectConnections = false;
    await server.waitFor(() => agent.link.isConnected() && agent.outbox.length() === 0);
    expect(server.stored.map((event) => event.eventId)).toEqual([offlineEvent.eventId]);
    expect(changes).toEqual([true, false, true]);
  });

  it("applies a signed snapshot and delta and reports them; refuses a tampered one and keeps the last good", async () => {
    const snapshotKey = createTestServerKey();
    const server = await startServer(snapshotKey);
    const agent = startAgent(server);
    await server.waitFor(() => agent.link.isConnected());

    server.sendToAgents({ type: "snapshot", snapshot: signSnapshotDto(buildOfficeSnapshot(3), snapshotKey) });
    server.sendToAgents({ type: "delta", delta: signDeltaDto(buildRevocation(3, 4), snapshotKey) });
    const forged = signSnapshotDto(buildOfficeSnapshot(9), createTestServerKey());
    server.sendToAgents({
      type: "snapshot",
      snapshot: { ...forged, keyFingerprint: snapshotKey.fingerprint },
    });
    await server.waitFor(() => messagesOfType(server, "snapshot_refused").length === 1);

    expect(messagesOfType(server, "snapshot_applied").map((message) => message.version)).toEqual([3, 4]);
    expect(messagesOfType(server, "snapshot_refused")).toEqual([
      expect.objectContaining({ version: 9, reason: expect.stringMatching(/^bad_signature/) }),
    ]);
    expect(agent.policy.current()?.version).toBe(4);
  });

  it("refuses a server whose snapshot key is not the one pinned earlier", async () => {
    const pinned = createTestServerKey();
    const first = await startServer(pinned);
    const agent = startAgent(first);
    await first.waitFor(() => agent.link.isConnected());
    await agent.link.close();

    const impostor = await startServer(createTestServerKey());
    impostor.statusOf.set(agent.key.publicKey, "approved");
    const again = startAgent(impostor, { dataDir: agent.dataDir });
    await impostor.waitFor(() => messagesOfType(impostor, "hello").length === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(again.link.isConnected()).toBe(false);
    expect(
      again.log.lines.some((line) => line.level === "error" && line.message.includes("snapshot key")),
    ).toBe(true);
  });

  it("runs a live command and answers with its result, but refuses one that arrives expired", async () => {
    const snapshotKey = createTestServerKey();
    const server = await startServer(snapshotKey);
    const now = Date.parse("2026-09-22T01:00:00Z");
    const agent = startAgent(server, { clock: () => new Date(now) });
    const executed: string[] = [];
    agent.link.onCommand(async (command) => {
      executed.push(command.commandId);
      return { ok: true, message: `unlocked for ${command.seconds ?? 0} s` };
    });
    await server.waitFor(() => agent.link.isConnected());

    server.sendToAgents({
      type: "command",
      commandId: "late",
      command: "momentary_unlock",
      seconds: 5,
      expiresAt: new Date(now - 1000).toISOString(),
    });
    server.sendToAgents({
      type: "command",
      commandId: "live",
      command: "momentary_unlock",
      seconds: 5,
      expiresAt: new Date(now + 5000).toISOString(),
    });
    await server.waitFor(() => messagesOfType(server, "command_result").length === 2);

    expect(executed).toEqual(["live"]);
    expect(messagesOfType(server, "command_result")).toEqual([
      { type: "command_result", commandId: "late", ok: false, message: "expired" },
      { type: "command_result", commandId: "live", ok: true, message: "unlocked for 5 s" },
    ]);
  });

  it("passes other messages to listeners and sends heartbeats with the outbox length", async () => {
    const snapshotKey = createTestServerKey();
    const server = await startFakeAgentServer({ snapshotKey, heartbeatSeconds: 1 });
    cleanups.push(() => server.close());
    server.refuseEvents = 1000;
    const agent = startAgent(server, { timing: { deliveryRetryMs: 60_000 } });
    const seen: string[] = [];
    agent.link.onMessage((message) => seen.push(message.type));
    agent.outbox.append(tap(1));
    await server.waitFor(() => agent.link.isConnected());

    server.sendToAgents({ type: "enrolment_finished", enrolmentId: "e1", ok: true, message: "登録しました" });
    await server.waitFor(() => messagesOfType(server, "heartbeat").length >= 1, 3000);

    expect(seen).toContain("enrolment_finished");
    expect(messagesOfType(server, "heartbeat")[0]).toEqual(
      expect.objectContaining({ snapshotVersion: null, outboxLength: 1 }),
    );
  });
});
