import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { Store } from "../../src/db/database";
import { type FaultAgent, openFaultAgent, prepareAgentKey, waitUntilDelivered } from "./fault-agent";
import { buildFaultBuilding } from "./fault-building";
import { findFreePort } from "./free-port";
import { removeServerBundle, type ServerProcess, startServerProcess } from "./server-process";
import { duplicatedIds, isGapless, readStoredEvents } from "./stored-events";

const outageMs = 4_000;

/** A migrated PostgreSQL database that a test can take away from the server and give back. */
export interface OutageTarget {
  /** The test's own connection, for building the doors and reading what was stored. */
  store: Store;
  /** Where the server finds the database. */
  serverUrl: string;
  takeAway(): Promise<void>;
  giveBack(): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  /** 0 when the server did not answer at all. */
  status: number;
  errorId: string | null;
}

const noAnswer = (error: unknown): Answer => ({
  status: 0,
  errorId: error instanceof Error ? `no answer: ${error.message}` : "no answer",
});

/** A signed-in request: the session lookup is the first thing that needs the database. */
async function askForSession(baseUrl: string): Promise<Answer> {
  const response = await fetch(`${baseUrl}/api/auth/session`, {
    headers: { cookie: "tobira_session=not-a-real-session" },
    signal: AbortSignal.timeout(10_000),
  });
  const body: unknown = await response.json();
  const error =
    typeof body === "object" && body !== null && "error" in body && typeof body.error === "object"
      ? body.error
      : null;
  const errorId = error !== null && "id" in error && typeof error.id === "string" ? error.id : null;
  return { status: response.status, errorId };
}

async function askForHealth(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
  return response.status;
}

/**
 * The database goes away for a few seconds while agents deliver: the server answers 503 meanwhile, the
 * agents keep deciding and queueing, and afterwards every event is stored once.
 */
export function describeDatabaseOutage(title: string, openTarget: () => Promise<OutageTarget>): void {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(removeServerBundle);

  describe(title, () => {
    it("answers 503 database_unavailable meanwhile, the agents keep deciding and queueing, and after it returns every event is stored once", async () => {
      const target = await openTarget();
      cleanups.push(() => target.close());

      const dir = mkdtempSync(join(tmpdir(), "tobira-fault-agents-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const dataDirs = [join(dir, "agent-1"), join(dir, "agent-2")];
      const readerIds = await buildFaultBuilding(target.store, dataDirs.map(prepareAgentKey));
      const agents: FaultAgent[] = dataDirs.map((dataDir, i) =>
        openFaultAgent(dataDir, `fault-agent-${i + 1}`),
      );
      cleanups.push(async () => {
        for (const agent of agents) await agent.close();
      });
      const server: ServerProcess = await startServerProcess(await findFreePort(), {
        databaseUrl: target.serverUrl,
      });
      cleanups.push(() => server.kill());
      for (const agent of agents) agent.connect(server.baseUrl);

      const taps = setInterval(() => {
        for (const agent of agents) agent.decide();
      }, 10);
      cleanups.push(() => clearInterval(taps));
      await vi.waitFor(
        () => {
          if (agents.some((agent) => agent.acknowledged.size < 20)) throw new Error("not delivering yet");
        },
        { timeout: 60_000, interval: 50 },
      );
      expect(await askForHealth(server.baseUrl)).toBe(200);

      await target.takeAway();
      const cutAt = performance.now();
      const sessionAnswers: Answer[] = [];
      const healthAnswers: number[] = [];
      const queuedDuringOutage: number[] = [];
      while (performance.now() - cutAt < outageMs) {
        sessionAnswers.push(await askForSession(server.baseUrl).catch(noAnswer));
        healthAnswers.push(await askForHealth(server.baseUrl).catch(() => 0));
        queuedDuringOutage.push(agents.reduce((sum, agent) => sum + agent.outbox.length(), 0));
        await sleep(250);
      }
      const acknowledgedAtCut = agents.map((agent) => agent.acknowledged.size);
      await target.giveBack();
      const restoredAt = performance.now();

      expect(server.child.exitCode, `the server died without its database:\n${server.stderr()}`).toBeNull();
      expect(sessionAnswers.length).toBeGreaterThan(3);
      expect(
        sessionAnswers.filter((answer) => answer.status !== 503 || answer.errorId !== "database_unavailable"),
      ).toEqual([]);
      expect(healthAnswers.every((status) => status === 503)).toBe(true);
      // The outbox grew while nothing could be stored.
      expect(queuedDuringOutage.at(-1) ?? 0).toBeGreaterThan((queuedDuringOutage[0] ?? 0) + 100);

      await sleep(1_000);
      clearInterval(taps);
      await waitUntilDelivered(agents, 60_000);
      const drainMs = performance.now() - restoredAt;
      expect((await askForSession(server.baseUrl)).status).toBe(401);

      const stored = await readStoredEvents(target.store, readerIds);
      expect(duplicatedIds(stored)).toEqual([]);
      for (const [i, agent] of agents.entries()) {
        expect(agent.appended.filter((id) => !stored.countById.has(id))).toEqual([]);
        expect(isGapless(stored.sequencesByReader.get(readerIds[i] ?? -1) ?? [])).toBe(true);
      }
      const total = agents.reduce((sum, agent) => sum + agent.appended.length, 0);
      expect(stored.countById.size).toBe(total);
      console.info(
        `${title}: outage ${outageMs} ms, ${sessionAnswers.length} API calls answered ${[...new Set(sessionAnswers.map((a) => `${a.status} ${a.errorId}`))].join(", ")}; ` +
          `outbox ${queuedDuringOutage[0]} → ${queuedDuringOutage.at(-1)} queued; acknowledged at cut ${acknowledgedAtCut.join("/")}; ` +
          `${total} events stored once; drained ${Math.round(drainMs)} ms after the database returned`,
      );
    }, 600_000);
  });
}
