import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Role } from "@tobira/protocol";
import type { FastifyInstance } from "fastify";
import { hashPassword } from "../../packages/server/src/auth/password-hashing";
import { insertUser } from "../../packages/server/src/auth/user-repository";
import { systemClock } from "../../packages/server/src/clock";
import { loadConfig } from "../../packages/server/src/config";
import { openStore, type Store } from "../../packages/server/src/db/database";
import { migrateToLatest } from "../../packages/server/src/db/migrate";
import { buildApp } from "../../packages/server/src/http/app";

export const webDir = resolve(import.meta.dirname, "../../packages/web/dist");

export interface TestServer {
  url: string;
  store: Store;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The real server and built web app on an empty SQLite file, listening on a free local port. */
export async function startTestServer(): Promise<TestServer> {
  if (!existsSync(join(webDir, "index.html"))) {
    throw new Error("The web app is not built: run `npm run build -w @tobira/web` (npm test does it first).");
  }
  const dir = mkdtempSync(join(tmpdir(), "tobira-browser-"));
  const store = openStore({ sqlitePath: join(dir, "tobira.db") });
  await migrateToLatest(store.db);
  const config = loadConfig({ TOBIRA_LOG_LEVEL: "silent" });
  const app = await buildApp(
    { db: store.db, dialect: store.dialect, clock: systemClock, config },
    { webDir },
  );
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url,
    store,
    app,
    close: async () => {
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
