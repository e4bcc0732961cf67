// The morning rush: 1,000 approved door agents (protocol clients, in this process) connected to a real
// server on SQLite (a child process, so its CPU time and memory are its own), then 40,000 door decisions
// sent by the agents in their own batches as the taps arrive, compressed from 10 minutes into a shorter
// window, and faster rushes after it to show where the limit is.
// TOBIRA_LOAD_AGENTS, TOBIRA_LOAD_TAPS, TOBIRA_LOAD_WINDOW_S and TOBIRA_LOAD_SPEEDUPS ("2,4") set the sizes.
import { type ChildProcess, fork } from "node:child_process";
import { createPrivateKey } from "node:crypto";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { findPercentile, printFigure, sortSamples } from "../../agent/bench/figures";
import { AgentClient } from "../test/agent-client";
import { readProcessUsage } from "./load-process";
import { type RushPlan, type RushResult, runRush } from "./load-rush";
import { type LoadServerReady, loadServerReadySchema, loadServerStopMessage } from "./load-server-messages";

const agentCount = Number(process.env.TOBIRA_LOAD_AGENTS ?? "1000");
const taps = Number(process.env.TOBIRA_LOAD_TAPS ?? "40000");
const windowSeconds = Number(process.env.TOBIRA_LOAD_WINDOW_S ?? "60");
const speedups = (process.env.TOBIRA_LOAD_SPEEDUPS ?? "2,4").split(",").filter(Boolean).map(Number);
// The real rush: everyone arrives between 8:20 and 8:30.
const realRushSeconds = 600;
const connectConcurrency = 50;
const welcomeTimeoutMs = 120_000;

function startServerProcess(): Promise<{ child: ChildProcess; ready: LoadServerReady }> {
  const child = fork(fileURLToPath(new URL("./load-server.ts", import.meta.url)), {
    env: { ...process.env, TOBIRA_LOAD_AGENTS: String(agentCount) },
  });
  return new Promise((resolve, reject) => {
    child.once("message", (message) => resolve({ child, ready: loadServerReadySchema.parse(message) }));
    child.once("exit", (code) => reject(new Error(`the server process exited with ${code}`)));
  });
}

async function stopServerProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.send(loadServerStopMessage);
  await exited;
}

/** Connects every agent, `connectConcurrency` at a time, until each has its welcome and first snapshot. */
async function connectAgents(ready: LoadServerReady): Promise<AgentClient[]> {
  const clients: AgentClient[] = [];
  let next = 0;
  const connectOne = async () => {
    for (let i = next++; i < ready.agents.length; i = next++) {
      const agent = ready.agents[i];
      if (agent === undefined) return;
      const keys = { publicKey: agent.publicKey, privateKey: createPrivateKey(agent.privateKeyPem) };
      const client = await AgentClient.connect({ baseUrl: ready.baseUrl, keys, applyPolicy: true });
      clients.push(client);
      await client.next("welcome", welcomeTimeoutMs);
      // The client verifies and acknowledges the snapshot before it hands it over.
      await client.next("snapshot", welcomeTimeoutMs);
    }
  };
  await Promise.all(Array.from({ length: connectConcurrency }, connectOne));
  return clients;
}

function printPercentiles(name: string, samples: readonly number[]): void {
  const sorted = sortSamples(samples);
  for (const p of [50, 95, 99]) printFigure(`${name}: p${p}`, findPercentile(sorted, p), "ms", 1);
  printFigure(`${name}: max`, sorted.at(-1) ?? Number.NaN, "ms", 1);
}

function printRush(plan: RushPlan, result: RushResult, cpuSeconds: number): void {
  const offered = plan.taps / (plan.windowMs / 1000);
  const label = `${plan.name}: ${plan.taps} taps in ${plan.windowMs / 1000} s`;
  console.log(
    `\n### ${label} (${offered.toFixed(0)} taps/s offered, ${((offered * realRushSeconds) / 40_000).toFixed(1)} × the real rush of 40,000 in ${realRushSeconds / 60} min)`,
  );
  if (result.accepted !== result.sent)
    throw new Error(`${result.sent} taps sent, ${result.accepted} accepted, ${result.duplicates} duplicates`);
  printFigure(`${plan.name}: events accepted`, result.accepted, "events", 0);
  printFigure(
    `${plan.name}: events/s ingested (first tap → last ack)`,
    result.accepted / result.seconds,
    "events/s",
    0,
  );
  printFigure(
    `${plan.name}: batches (events per batch: ${(result.accepted / result.batches).toFixed(2)})`,
    result.batches,
    "batches",
    0,
  );
  printPercentiles(`${plan.name}: batch send → events_ack`, result.batchMs);
  printPercentiles(`${plan.name}: tap → events_ack (outbox wait included)`, result.tapMs);
  printFigure(
    `${plan.name}: load generator's own lag: p99`,
    findPercentile(sortSamples(result.lagMs), 99),
    "ms",
    1,
  );
  printFigure(`${plan.name}: server CPU`, cpuSeconds, "s", 2);
  printFigure(`${plan.name}: server CPU, share of one core`, (100 * cpuSeconds) / result.seconds, "%", 0);
}

const { child, ready } = await startServerProcess();
const pid = child.pid ?? 0;
let clients: AgentClient[] = [];
try {
  console.log(
    `\n### ${agentCount} approved agents on one server (SQLite, server in its own process; agents are protocol clients in this one)`,
  );
  const idle = readProcessUsage(pid);
  const connectStarted = performance.now();
  clients = await connectAgents(ready);
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  const connected = readProcessUsage(pid);
  printFigure(
    `connect, welcome, snapshot acknowledged (${connectConcurrency} at a time)`,
    connectSeconds,
    "s",
  );
  printFigure("server CPU while they connected", connected.cpuSeconds - idle.cpuSeconds, "s");
  printFigure("server RSS with every agent connected", connected.rssMiB, "MiB", 0);

  const plans: RushPlan[] = [
    { name: "rush ×1", taps, windowMs: windowSeconds * 1000, seed: 1 },
    // The faster rushes last a quarter of the window each, at `speedup` times the rate.
    ...speedups.map((speedup) => ({
      name: `rush ×${speedup}`,
      taps: Math.round((taps * speedup) / 4),
      windowMs: (windowSeconds * 1000) / 4,
      seed: 1 + speedup,
    })),
  ];
  for (const plan of plans) {
    const before = readProcessUsage(pid);
    const result = await runRush(clients, plan);
    printRush(plan, result, readProcessUsage(pid).cpuSeconds - before.cpuSeconds);
  }
  console.log("");
  printFigure("server peak RSS (VmHWM, whole run)", readProcessUsage(pid).peakRssMiB, "MiB", 0);
  printFigure("this process (the agents): peak RSS", process.resourceUsage().maxRSS / 1024, "MiB", 0);
} finally {
  await Promise.all(clients.map((client) => client.close()));
  await stopServerProcess(child);
}
