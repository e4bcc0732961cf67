// The morning rush: 1,000 approved door agents (protocol clients, in this process) connected to a real
// server (a child process, so its CPU time and memory are its own) on SQLite and then on PostgreSQL, with a
// town of 40,000 staff whose cards are in the signed snapshot every agent receives. Then 40,000 taps, each
// decided on its agent from that snapshot and sent in the agent's batches as the taps arrive, compressed
// from 10 minutes into a shorter window, and faster rushes after it to show where the limit is.
// TOBIRA_LOAD_DATABASE ("sqlite,postgres"), TOBIRA_LOAD_AGENTS, TOBIRA_LOAD_STAFF, TOBIRA_LOAD_TAPS,
// TOBIRA_LOAD_WINDOW_S, TOBIRA_LOAD_SPEEDUPS ("2,4") and TOBIRA_LOAD_CONNECT_CONCURRENCY set the sizes
// (docs/performance.md describes the method).
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { findPercentile, printFigure, sortSamples } from "../../agent/bench/figures";
import { postgresAdminUrl } from "../test/test-store";
import { type ConnectedAgents, connectAgents } from "./load-connect";
import { type DatabaseCpuMeter, meterPostgresCpu } from "./load-postgres-cpu";
import { readProcessUsage } from "./load-process";
import { type RushPlan, type RushResult, runRush } from "./load-rush";
import {
  type LoadServerReady,
  loadDialectSchema,
  loadServerReadySchema,
  loadServerStopMessage,
} from "./load-server-messages";

const databases = (process.env.TOBIRA_LOAD_DATABASE ?? "sqlite,postgres")
  .split(",")
  .filter(Boolean)
  .map((name) => loadDialectSchema.parse(name));
const agentCount = Number(process.env.TOBIRA_LOAD_AGENTS ?? "1000");
const staff = Number(process.env.TOBIRA_LOAD_STAFF ?? "40000");
const taps = Number(process.env.TOBIRA_LOAD_TAPS ?? "40000");
const windowSeconds = Number(process.env.TOBIRA_LOAD_WINDOW_S ?? "60");
const speedups = (process.env.TOBIRA_LOAD_SPEEDUPS ?? "2,4").split(",").filter(Boolean).map(Number);
// The real rush: everyone arrives between 8:20 and 8:30.
const realRushSeconds = 600;

function startServerProcess(database: string): Promise<{ child: ChildProcess; ready: LoadServerReady }> {
  const child = fork(fileURLToPath(new URL("./load-server.ts", import.meta.url)), {
    env: {
      ...process.env,
      TOBIRA_LOAD_DATABASE: database,
      TOBIRA_LOAD_AGENTS: String(agentCount),
      TOBIRA_LOAD_STAFF: String(staff),
    },
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

function printPercentiles(name: string, samples: readonly number[], digits = 1): void {
  const sorted = sortSamples(samples);
  for (const p of [50, 95, 99]) printFigure(`${name}: p${p}`, findPercentile(sorted, p), "ms", digits);
  printFigure(`${name}: max`, sorted.at(-1) ?? Number.NaN, "ms", digits);
}

/** Every tap of an enrolled card opens the door; a stranger's card is refused as unknown. */
function checkDecisions(plan: RushPlan, result: RushResult): void {
  const strangers = Math.ceil(result.sent / 20);
  const granted = result.reasons.get("granted") ?? 0;
  const unknown = result.reasons.get("unknown_card") ?? 0;
  if (granted !== result.sent - strangers || unknown !== strangers)
    throw new Error(
      `${plan.name}: the decisions were not the town's: ${JSON.stringify(Object.fromEntries(result.reasons))}`,
    );
}

function printRush(plan: RushPlan, result: RushResult, cpuSeconds: number): void {
  const offered = plan.taps / (plan.windowMs / 1000);
  const label = `${plan.name}: ${plan.taps} taps in ${plan.windowMs / 1000} s`;
  console.log(
    `\n### ${label} (${offered.toFixed(0)} taps/s offered, ${((offered * realRushSeconds) / 40_000).toFixed(1)} × the real rush of 40,000 in ${realRushSeconds / 60} min)`,
  );
  if (result.accepted !== result.sent)
    throw new Error(`${result.sent} taps sent, ${result.accepted} accepted, ${result.duplicates} duplicates`);
  checkDecisions(plan, result);
  printFigure(`${plan.name}: events accepted`, result.accepted, "events", 0);
  printFigure(`${plan.name}: of which granted`, result.reasons.get("granted") ?? 0, "events", 0);
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
  printPercentiles(`${plan.name}: tap → decision (on the agent)`, result.decisionMs, 3);
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

function printConnect(connected: ConnectedAgents, serverCpuSeconds: number, serverRssMiB: number): void {
  const { first, snapshot } = connected;
  printFigure("snapshot: staff holders / cards", snapshot.holders, `/ ${snapshot.credentials}`, 0);
  printFigure("snapshot: canonical JSON, inflated", snapshot.jsonBytes / 2 ** 20, "MiB");
  printFigure("snapshot: signed payload (deflated)", snapshot.payloadBytes / 2 ** 20, "MiB");
  printFigure(
    "snapshot: the message on the wire (payload in base64)",
    snapshot.messageBytes / 2 ** 20,
    "MiB",
  );
  printFigure("first agent: connect → snapshot taken, acknowledged (compiled for it)", first.seconds, "s");
  printFigure("one agent's own cost: verify, inflate, check, index", snapshot.takeMs, "ms", 0);
  printFigure(
    `every agent: connect → snapshot acknowledged (${connected.concurrency} at a time)`,
    connected.seconds,
    "s",
  );
  printFigure("  per agent (wall time ÷ agents)", (1000 * connected.seconds) / connected.count, "ms", 1);
  printFigure("server CPU while they connected", serverCpuSeconds, "s");
  printFigure("this process's CPU while they connected (parse, verify)", connected.generatorCpuSeconds, "s");
  printFigure("server RSS with every agent connected", serverRssMiB, "MiB", 0);
  printFigure("this process's RSS with every agent connected", process.memoryUsage().rss / 2 ** 20, "MiB", 0);
}

/** On PostgreSQL, its backends' CPU for this server's database; SQLite's is the server process's own. */
function meterDatabaseCpu(database: string, serverPid: number): Promise<DatabaseCpuMeter> {
  if (database !== "postgres") return Promise.resolve({ stop: async () => Number.NaN });
  return meterPostgresCpu(serverPid);
}

function printDatabaseCpu(name: string, cpuSeconds: number, seconds: number): void {
  if (Number.isNaN(cpuSeconds)) return;
  printFigure(`${name}: PostgreSQL backends' CPU`, cpuSeconds, "s", 2);
  printFigure(`${name}: PostgreSQL backends' CPU, share of one core`, (100 * cpuSeconds) / seconds, "%", 0);
}

async function runOnDatabase(database: string): Promise<void> {
  const place = database === "postgres" ? `PostgreSQL at ${new URL(postgresAdminUrl).host}` : "SQLite";
  console.log(
    `\n### ${agentCount} approved agents on one server (${place}, server in its own process; agents are protocol clients in this one), a town of ${staff} staff with cards`,
  );
  const { child, ready } = await startServerProcess(database);
  const pid = child.pid ?? 0;
  let connected: ConnectedAgents | null = null;
  try {
    printFigure("seeding the town (staff, cards, memberships)", ready.seedSeconds, "s");
    const idle = readProcessUsage(pid);
    const databaseCpu = await meterDatabaseCpu(database, pid);
    connected = await connectAgents(ready, staff);
    const usage = readProcessUsage(pid);
    printConnect(connected, usage.cpuSeconds - idle.cpuSeconds, usage.rssMiB);
    printDatabaseCpu("while they connected", await databaseCpu.stop(), connected.seconds);

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
      const databaseCpu = await meterDatabaseCpu(database, pid);
      const generatorBefore = process.cpuUsage();
      const result = await runRush(connected.agents, plan);
      printRush(plan, result, readProcessUsage(pid).cpuSeconds - before.cpuSeconds);
      printDatabaseCpu(plan.name, await databaseCpu.stop(), result.seconds);
      const { user, system } = process.cpuUsage(generatorBefore);
      printFigure(
        `${plan.name}: this process's CPU (the agents), share of one core`,
        (100 * (user + system)) / 1e6 / result.seconds,
        "%",
        0,
      );
    }
    console.log("");
    printFigure("server peak RSS (VmHWM, whole run)", readProcessUsage(pid).peakRssMiB, "MiB", 0);
  } finally {
    await Promise.all((connected?.agents ?? []).map(({ client }) => client.close()));
    await stopServerProcess(child);
  }
}

for (const database of databases) await runOnDatabase(database);
printFigure("this process (the agents): peak RSS, all runs", process.resourceUsage().maxRSS / 1024, "MiB", 0);
