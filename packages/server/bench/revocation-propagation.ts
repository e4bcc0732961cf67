import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { printFigure, printLatencies } from "../../agent/bench/figures";
import { agentConfigSchema } from "../../agent/src/config";
import { createSimulatedDoor } from "../../agent/src/door/simulated-door";
import { snapshotFileName } from "../../agent/src/snapshot/snapshot-file";
import { writeFileAtomically } from "../../agent/src/snapshot/write-file-atomically";
import { type AgentHandle, startAgent } from "../../agent/src/start-agent";
import { createVirtualReaders } from "../../agent/src/tap/virtual-readers";
import { readAccessVersion } from "../src/access/access-version";
import { findAgentByFingerprint } from "../src/agents/agent-repository";
import { approveAgent } from "../src/agents/decide-agent";
import { registerAgent } from "../src/agents/register-agent";
import { AgentClient, type AgentKeys, agentRegistration, createAgentKeys } from "../test/agent-client";
import {
  type BenchServer,
  benchActor,
  measureRevocationRounds,
  type PropagationRounds,
  startBenchServer,
  waitUntilAllCurrent,
} from "./agent-bench-server";

const agentCount = 200;
const rounds = 10;
const approvalWaitMs = 30_000;

function printRounds(kind: string, setup: { label: string; seconds: number }, measured: PropagationRounds) {
  printFigure(`${kind}: ${setup.label}`, setup.seconds, "s");
  printLatencies(
    `${kind}: click → each agent's ack (${measured.requestMs.length} rounds)`,
    measured.propagationMs,
    true,
  );
  printLatencies(`${kind}: baseline: the revocation's HTTP request alone`, measured.requestMs);
}

/**
 * 200 protocol clients (the server tests' AgentClient: a real socket, Ed25519 hello, each snapshot and
 * delta verified before it is acknowledged) in this process, registered and approved through the use cases.
 */
export async function benchRevocationToClients(): Promise<void> {
  const server = await startBenchServer(agentCount, rounds);
  const clients: AgentClient[] = [];
  try {
    const agents: { agentId: number; keys: AgentKeys }[] = [];
    for (const [i, readerId] of server.readerIds.entries()) {
      const keys = createAgentKeys();
      const registration = agentRegistration(keys, { name: `door-pc-${i + 1}`, role: "door" });
      const { agentId } = await registerAgent(server.deps, registration);
      await approveAgent(server.deps, benchActor, agentId, { readerId });
      agents.push({ agentId, keys });
    }
    const agentIds = agents.map((agent) => agent.agentId);
    const setupSeconds = await waitUntilAllCurrent(server, agentIds, async () => {
      for (const { keys } of agents)
        clients.push(await AgentClient.connect({ baseUrl: server.baseUrl, keys, applyPolicy: true }));
    });
    printRounds(
      `${agentCount} protocol clients`,
      { label: "connect, welcome, snapshot acknowledged", seconds: setupSeconds },
      await measureRevocationRounds(server, agentIds),
    );
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await server.close();
  }
}

/**
 * Each agent writes its snapshot file durably (fsync of file and directory) before it acknowledges; in
 * one process on one disk, 200 agents do that one after another. This is that cost alone.
 */
function measureSnapshotWrites(agentDataDir: string, workDir: string): number {
  const contents = readFileSync(join(agentDataDir, snapshotFileName), "utf8");
  const dir = join(workDir, "snapshot-writes");
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  for (let i = 0; i < agentCount; i++) writeFileAtomically(join(dir, `snapshot-${i}.json`), contents);
  return performance.now() - started;
}

async function waitUntil(done: () => boolean): Promise<void> {
  const deadline = Date.now() + approvalWaitMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("the agents did not all reach the current policy in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function approveByFingerprint(
  server: BenchServer,
  fingerprint: string,
  readerId: number,
): Promise<number> {
  const plain = fingerprint.replaceAll(" ", "");
  const deadline = Date.now() + approvalWaitMs;
  for (;;) {
    const agent = await findAgentByFingerprint(server.deps.db, plain);
    if (agent !== undefined) {
      await approveAgent(server.deps, benchActor, agent.id, { readerId });
      return agent.id;
    }
    if (Date.now() > deadline) throw new Error(`agent ${fingerprint} never registered`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * 200 whole door agents (startAgent: own key, SQLite outbox, snapshot store, WebSocket link, simulated
 * door) in this process, registering themselves and approved as an administrator would.
 */
export async function benchRevocationToFullAgents(workDir: string): Promise<void> {
  const server = await startBenchServer(agentCount, rounds);
  const handles: AgentHandle[] = [];
  try {
    const started = performance.now();
    for (const [i, readerId] of server.readerIds.entries()) {
      const config = agentConfigSchema.parse({
        server: server.baseUrl,
        role: "door",
        name: `door-pc-${i + 1}`,
        dataDir: join(workDir, "full-agents", `agent-${readerId}`),
        reader: { kind: "virtual" },
        logLevel: "silent",
      });
      handles.push(
        await startAgent(config, {
          readers: createVirtualReaders(["Bench reader"]),
          hardware: createSimulatedDoor(),
          pinEntry: null,
          kiosk: null,
          linkTiming: { pendingRetryMinMs: 200, pendingRetryMaxMs: 500 },
        }),
      );
    }
    // The agents register themselves; the administrator approves each after comparing fingerprints.
    const agentIds: number[] = [];
    for (const [i, handle] of handles.entries())
      agentIds.push(await approveByFingerprint(server, handle.fingerprint, server.readerIds[i] ?? 0));
    const version = await readAccessVersion(server.deps.db);
    await waitUntil(() => handles.every((handle) => (handle.policy.current()?.version ?? -1) >= version));
    const setupSeconds = (performance.now() - started) / 1000;
    printRounds(
      `${agentCount} whole agents`,
      { label: "start, register, approval, first snapshot applied", seconds: setupSeconds },
      await measureRevocationRounds(server, agentIds),
    );
    printFigure(
      `${agentCount} whole agents: baseline: ${agentCount} snapshot files written durably in turn`,
      measureSnapshotWrites(join(workDir, "full-agents", `agent-${server.readerIds[0] ?? 0}`), workDir),
      "ms",
      1,
    );
  } finally {
    await Promise.all(handles.map((handle) => handle.close()));
    await server.close();
  }
}
