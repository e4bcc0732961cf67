import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Role } from "@tobira/protocol";
import type { FastifyInstance } from "fastify";
import { readAccessVersion } from "../../packages/server/src/access/access-version";
import { listReaders } from "../../packages/server/src/access/reader-repository";
import { listAgents } from "../../packages/server/src/agents/agent-repository";
import { hashPassword } from "../../packages/server/src/auth/password-hashing";
import { insertUser } from "../../packages/server/src/auth/user-repository";
import { systemClock } from "../../packages/server/src/clock";
import { loadConfig } from "../../packages/server/src/config";
import { openStore, type Store } from "../../packages/server/src/db/database";
import { migrateToLatest } from "../../packages/server/src/db/migrate";
import { type DemoReaders, prepareDemoReaders } from "../../packages/server/src/demo/demo-readers";
import { type DemoAccount, seedDemoTownIfEmpty } from "../../packages/server/src/demo/seed-demo-town";
import { buildApp } from "../../packages/server/src/http/app";

export const webDir = resolve(import.meta.dirname, "../../packages/web/dist");

const demoReadyTimeoutMs = 30_000;

export interface TestServer {
  url: string;
  store: Store;
  app: FastifyInstance;
  /** The demo town's accounts (password `tobira-demo`); empty unless started with `demo`. */
  demoAccounts: DemoAccount[];
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Seeds the demo town and runs its virtual reader agents, as `tobira serve --demo` does. */
  demo?: boolean;
}

/** True once every reader has an approved agent that applied the current snapshot. */
async function areDemoAgentsReady(store: Store): Promise<boolean> {
  const [readers, agents, version] = await Promise.all([
    listReaders(store.db),
    listAgents(store.db),
    readAccessVersion(store.db),
  ]);
  return readers.every((reader) =>
    agents.some(
      (agent) =>
        agent.readerId === reader.id && agent.status === "approved" && agent.snapshotVersion === version,
    ),
  );
}

async function waitForDemoAgents(store: Store): Promise<void> {
  const deadline = Date.now() + demoReadyTimeoutMs;
  while (!(await areDemoAgentsReady(store))) {
    if (Date.now() > deadline) throw new Error("The demo's reader agents did not come up in time.");
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * The real server and built web app on an empty SQLite file, listening on a free local port; with
 * `demo`, on the demo town with one virtual agent per reader, ready for taps.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  if (!existsSync(join(webDir, "index.html"))) {
    throw new Error("The web app is not built: run `npm run build -w @tobira/web` (npm test does it first).");
  }
  const dir = mkdtempSync(join(tmpdir(), "tobira-browser-"));
  const store = openStore({ sqlitePath: join(dir, "tobira.db") });
  await migrateToLatest(store.db);
  const config = loadConfig({ TOBIRA_LOG_LEVEL: "silent", TOBIRA_DATA_DIR: dir });
  const deps = { db: store.db, dialect: store.dialect, clock: systemClock, config };
  const seeded = options.demo ? await seedDemoTownIfEmpty(deps) : undefined;
  const demoReaders: DemoReaders | null = options.demo ? await prepareDemoReaders(deps) : null;
  const app = await buildApp(demoReaders?.deps ?? deps, {
    webDir,
    ...(demoReaders === null ? {} : { demoPanel: demoReaders.panel }),
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  if (demoReaders !== null) {
    await demoReaders.start(url);
    await waitForDemoAgents(store);
  }
  return {
    url,
    store,
    app,
    demoAccounts: seeded?.accounts ?? [],
    close: async () => {
      await demoReaders?.close();
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function addAccount(server: TestServer, loginId: string, password: string, roles: Role[]) {
  await insertUser(
    server.store.db,
    { loginId, staffId: null, passwordHash: await hashPassword(password), mustChangePassword: false, roles },
    new Date(),
  );
}
