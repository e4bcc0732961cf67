import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DialectName } from "../../src/db/dialect";
import { type FaultAgent, openFaultAgent, prepareAgentKey, waitUntilDelivered } from "./fault-agent";
import { buildFaultBuilding } from "./fault-building";
import { onCleanup } from "./fault-cleanups";
import { createFaultDatabase } from "./fault-database";
import { findFreePort } from "./free-port";
import { seededRandom } from "./seeded-random";
import { type ServerProcess, startServerProcess } from "./server-process";
import { checkDelivery, type DeliveryCheck } from "./stored-events";

export const killCycles = 20;
const agentCount = 3;
const seed = Number(process.env.TOBIRA_FAULT_SEED ?? "20261127");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Three agents decide a tap every 50 ms while the server is SIGKILLed `killCycles` times, each after a
 * seeded random uptime, and restarted on the same store and port; after the last restart the taps stop
 * and every outbox drains. One test file per database runs this, so the two run side by side.
 */
export async function runServerKillCycles(dialect: DialectName): Promise<DeliveryCheck> {
  const random = seededRandom(seed);
  const database = await createFaultDatabase(dialect);
  onCleanup(() => database.drop());
  const dir = mkdtempSync(join(tmpdir(), "tobira-fault-agents-"));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const dataDirs = Array.from({ length: agentCount }, (_, i) => join(dir, `agent-${i + 1}`));
  const readerIds = await buildFaultBuilding(database.store, dataDirs.map(prepareAgentKey));
  const agents: FaultAgent[] = dataDirs.map((dataDir, i) => openFaultAgent(dataDir, `fault-agent-${i + 1}`));
  onCleanup(async () => {
    for (const agent of agents) await agent.close();
  });
  const port = await findFreePort();
  let server: ServerProcess | null = null;
  onCleanup(() => server?.kill());

  // Each agent decides a tap every 50 ms, whether or not the server is up.
  const taps = setInterval(() => {
    for (const agent of agents) agent.decide();
  }, 50);
  onCleanup(() => clearInterval(taps));

  const uptimesMs: number[] = [];
  for (let cycle = 0; cycle < killCycles; cycle++) {
    server = await startServerProcess(port, database.serverEnv);
    for (const agent of agents) agent.connect(server.baseUrl);
    const uptimeMs = 200 + Math.floor(random() * 1300);
    uptimesMs.push(uptimeMs);
    await sleep(uptimeMs);
    await server.kill();
    server = null;
  }
  clearInterval(taps);
  const acknowledgedBeforeEnd = agents.flatMap((agent) => [...agent.acknowledged]);
  const stillQueued = agents.reduce((sum, agent) => sum + agent.outbox.length(), 0);

  server = await startServerProcess(port, database.serverEnv);
  const started = performance.now();
  await waitUntilDelivered(agents, 180_000);
  const drainMs = performance.now() - started;

  // What the agents saw acknowledged before the last restart must be stored, whatever came after.
  const check = await checkDelivery(database.store, readerIds, agents, acknowledgedBeforeEnd);
  console.info(
    `[${dialect}] seed ${seed}: ${killCycles} kills after ${uptimesMs.join("/")} ms up; ${check.decided} events, ` +
      `${stillQueued} queued at the last kill, drained in ${Math.round(drainMs)} ms; stderr: ${server.stderr().length} bytes`,
  );
  return check;
}
