import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/db/database";
import { migrateToLatest } from "../../src/db/migrate";
import { type OutageTarget, runDatabaseOutage } from "./database-outage";
import { cleanUp } from "./fault-cleanups";
import { createFaultDatabase } from "./fault-database";
import { startPrivatePostgres } from "./private-postgres";
import { removeServerBundle } from "./server-process";
import { startTcpProxy } from "./tcp-proxy";

afterEach(cleanUp);
afterAll(removeServerBundle);

// The network to PostgreSQL cut: a relay between the server and the database drops every connection
// and refuses new ones, as when the database host goes away.
async function behindACutNetwork(): Promise<OutageTarget> {
  const database = await createFaultDatabase("postgres");
  if (database.url === null) throw new Error("a PostgreSQL database has a URL");
  const proxy = await startTcpProxy({ host: database.url.hostname, port: Number(database.url.port || 5432) });
  const throughProxy = new URL(database.url);
  throughProxy.host = `127.0.0.1:${proxy.port}`;
  return {
    store: database.store,
    serverUrl: throughProxy.toString(),
    takeAway: () => proxy.cut(),
    giveBack: () => proxy.restore(),
    async close() {
      await proxy.close();
      await database.drop();
    },
  };
}

// PostgreSQL itself crashed and restarted: an immediate stop (no shutdown checkpoint, as in a crash) of a
// cluster of its own, then a start that replays the WAL before it takes connections again.
async function crashingAndRestarting(): Promise<OutageTarget> {
  const cluster = await startPrivatePostgres();
  const store = openStore({ url: cluster.url.toString(), sqlitePath: "" });
  await migrateToLatest(store.db);
  return {
    store,
    serverUrl: cluster.url.toString(),
    takeAway: async () => cluster.crash(),
    giveBack: async () => cluster.start(),
    async close() {
      await store.close();
      cluster.remove();
    },
  };
}

describe.each([
  { title: "PostgreSQL out of reach for a few seconds while agents deliver", openTarget: behindACutNetwork },
  { title: "PostgreSQL crashed and restarted while agents deliver", openTarget: crashingAndRestarting },
])("$title", ({ title, openTarget }) => {
  it("answers 503 database_unavailable meanwhile, the agents keep deciding and queueing, and after it returns every event is stored once", async () => {
    const run = await runDatabaseOutage(title, openTarget);
    expect(run.healthBefore).toBe(200);
    expect(run.exitCodeAfterOutage, `the server died without its database:\n${run.stderr}`).toBeNull();
    expect(run.sessionAnswers.length).toBeGreaterThan(3);
    expect(
      run.sessionAnswers.filter(
        (answer) => answer.status !== 503 || answer.errorId !== "database_unavailable",
      ),
    ).toEqual([]);
    expect(run.healthAnswers.every((status) => status === 503)).toBe(true);
    // The outbox grew while nothing could be stored.
    expect(run.queuedAtEnd).toBeGreaterThan(run.queuedAtCut + 100);
    expect(run.sessionAfter).toBe(401);

    expect(run.duplicated).toEqual([]);
    expect(run.decidedButNotStored).toEqual([]);
    expect(run.agentsWithGaps).toEqual([]);
    expect(run.stored).toBe(run.decided);
  }, 600_000);
});
