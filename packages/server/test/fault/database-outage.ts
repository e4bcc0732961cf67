import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi } from "vitest";
import type { Store } from "../../src/db/database";
import { type FaultAgent, openFaultAgent, prepareAgentKey, waitUntilDelivered } from "./fault-agent";
import { buildFaultBuilding } from "./fault-building";
import { onCleanup } from "./fault-cleanups";
import { findFreePort } from "./free-port";
import { type ServerProcess, startServerProcess } from "./server-process";
import { checkDelivery, type DeliveryCheck } from "./stored-events";

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

export interface Answer {
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

/** What the server and the agents did while the database was away and after it came back. */
export interface OutageRun extends DeliveryCheck {
  /** The server process's exit code at the end of the outage: null while it lives. */
  exitCodeAfterOutage: number | null;
  stderr: string;
  healthBefore: number;
  /** Every answer to a signed-in request and to /api/health while the database was away. */
  sessionAnswers: Answer[];
  healthAnswers: number[];
  /** Events queued in the outboxes at the first and the last look during the outage. */
  queuedAtCut: number;
  queuedAtEnd: number;
  /** A signed-in request with an unknown session once everything drained. */
  sessionAfter: number;
}

/**
 * The database goes away for a few seconds while two agents deliver, then comes back; the outboxes
 * drain. The test files say how the database goes away and what must have happened.
 */
export async function runDatabaseOutage(
  title: string,
  openTarget: () => Promise<OutageTarget>,
): Promise<OutageRun> {
  const target = await openTarget();
  onCleanup(() => target.close());

  const dir = mkdtempSync(join(tmpdir(), "tobira-fault-agents-"));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const dataDirs = [join(dir, "agent-1"), join(dir, "agent-2")];
  const readerIds = await buildFaultBuilding(target.store, dataDirs.map(prepareAgentKey));
  const agents: FaultAgent[] = dataDirs.map((dataDir, i) => openFaultAgent(dataDir, `fault-agent-${i + 1}`));
  onCleanup(async () => {
    for (const agent of agents) await agent.close();
  });
  const server: ServerProcess = await startServerProcess(await findFreePort(), {
    databaseUrl: target.serverUrl,
  });
  onCleanup(() => server.kill());
  for (const agent of agents) agent.connect(server.baseUrl);

  const taps = setInterval(() => {
    for (const agent of agents) agent.decide();
  }, 10);
  onCleanup(() => clearInterval(taps));
  await vi.waitFor(
    () => {
      if (agents.some((agent) => agent.acknowledged.size < 20)) throw new Error("not delivering yet");
    },
    { timeout: 60_000, interval: 50 },
  );
  const healthBefore = await askForHealth(server.baseUrl);

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
  const exitCodeAfterOutage = server.child.exitCode;
  await target.giveBack();
  const restoredAt = performance.now();

  await sleep(1_000);
  clearInterval(taps);
  await waitUntilDelivered(agents, 60_000);
  const drainMs = performance.now() - restoredAt;
  const sessionAfter = (await askForSession(server.baseUrl)).status;

  const check = await checkDelivery(target.store, readerIds, agents);
  console.info(
    `${title}: outage ${outageMs} ms, ${sessionAnswers.length} API calls answered ${[...new Set(sessionAnswers.map((a) => `${a.status} ${a.errorId}`))].join(", ")}; ` +
      `outbox ${queuedDuringOutage[0]} → ${queuedDuringOutage.at(-1)} queued; acknowledged at cut ${acknowledgedAtCut.join("/")}; ` +
      `${check.stored} events stored once; drained ${Math.round(drainMs)} ms after the database returned`,
  );
  return {
    ...check,
    exitCodeAfterOutage,
    stderr: server.stderr(),
    healthBefore,
    sessionAnswers,
    healthAnswers,
    queuedAtCut: queuedDuringOutage[0] ?? 0,
    queuedAtEnd: queuedDuringOutage.at(-1) ?? 0,
    sessionAfter,
  };
}
