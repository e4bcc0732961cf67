import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { DialectName } from "../../src/db/dialect";
import { type FaultAgent, openFaultAgent, prepareAgentKey, waitUntilDelivered } from "./fault-agent";
import { buildFaultBuilding } from "./fault-building";
import { createFaultDatabase } from "./fault-database";
import { findFreePort } from "./free-port";
import { seededRandom } from "./seeded-random";
import { removeServerBundle, type ServerProcess, startServerProcess } from "./server-process";
import { duplicatedIds, isGapless, readStoredEvents } from "./stored-events";

const cycles = 20;
const agentCount = 3;
const seed = Number(process.env.TOBIRA_FAULT_SEED ?? "20261127");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The kill test on one database; one test file per database, so the two run side by side. */
export function describeServerKill(dialect: DialectName): void {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(removeServerBundle);

  describe(`the server killed with SIGKILL under load [${dialect}]`, () => {
    it(`${cycles} kills at random moments: stores every event its agents saw acknowledged exactly once, and delivers the rest after the last restart`, async () => {
      const random = seededRandom(seed);
      const database = await createFaultDatabase(dialect);
      cleanups.push(() => database.drop());
      const dir = mkdtempSync(join(tmpdir(), "tobira-fault-agents-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const dataDirs = Array.from({ length: agentCount }, (_, i) => join(dir, `agent-${i + 1}`));
      const readerIds = await buildFaultBuilding(database.store, dataDirs.map(prepareAgentKey));
      const agents: FaultAgent[] = dataDirs.map((dataDir, i) =>
        openFaultAgent(dataDir, `fault-agent-${i + 1}`),
      );
      cleanups.push(async () => {
        for (const agent of agents) await agent.close();
      });
      const port = await findFreePort();
      let server: ServerProcess | null = null;
      cleanups.push(() => server?.kill());

      // Each agent decides a tap every 50 ms, whether or not the server is up.
      const taps = setInterval(() => {
        for (const agent of agents) agent.decide();
      }, 50);
      cleanups.push(() => clearInterval(taps));

      const uptimesMs: number[] = [];
      for (let cycle = 0; cycle < cycles; cycle++) {
        server = await startServerProcess(port, database.serverEnv);
        for (const agent of agents) agent.connect(server.baseUrl);
        const uptimeMs = 200 + Math.floor(random() * 1300);
        uptimesMs.push(uptimeMs);
        await sleep(uptimeMs);
        await server.kill();
        server = null;
      }
      clearInterval(taps);
      const acknowledgedBeforeEnd = agents.map((agent) => new Set(agent.acknowledged));
      const stillQueued = agents.reduce((sum, agent) => sum + agent.outbox.length(), 0);

      server = await startServerProcess(port, database.serverEnv);
      const started = performance.now();
      await waitUntilDelivered(agents, 180_000);
      const drainMs = performance.now() - started;

      const stored = await readStoredEvents(database.store, readerIds);
      expect(duplicatedIds(stored)).toEqual([]);
      for (const [i, agent] of agents.entries()) {
        const missing = [...(acknowledgedBeforeEnd[i] ?? [])].filter((id) => !stored.countById.has(id));
        expect(missing, `acknowledged to agent ${i + 1} but not stored`).toEqual([]);
        const undelivered = agent.appended.filter((id) => !stored.countById.has(id));
        expect(undelivered, `decided by agent ${i + 1} but never stored`).toEqual([]);
        const sequences = stored.sequencesByReader.get(readerIds[i] ?? -1) ?? [];
        expect(sequences).toHaveLength(agent.appended.length);
        expect(isGapless(sequences), `agent ${i + 1}'s sequence numbers have a gap`).toBe(true);
      }
      const total = agents.reduce((sum, agent) => sum + agent.appended.length, 0);
      expect(stored.countById.size).toBe(total);
      console.info(
        `[${dialect}] seed ${seed}: ${cycles} kills after ${uptimesMs.join("/")} ms up; ${total} events, ` +
          `${stillQueued} queued at the last kill, drained in ${Math.round(drainMs)} ms; stderr: ${server.stderr().length} bytes`,
      );
    }, 900_000);
  });
}
