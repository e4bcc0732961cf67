import type { FastifyInstance } from "fastify";
import { systemClock } from "../../../server/src/clock";
import { openStore, type Store } from "../../../server/src/db/database";
import { migrateToLatest } from "../../../server/src/db/migrate";
import type { Deps } from "../../../server/src/deps";
import { buildApp } from "../../../server/src/http/app";
import { type Call, caller, signInWithRoles } from "../../../server/test/access-api";
import { testConfig } from "../../../server/test/databases";
import { signInAs } from "../../../server/test/http";

/** The real Tobira server on 127.0.0.1 over a SQLite file, on the system clock as a door agent is. */
export interface E2eServer {
  app: FastifyInstance;
  deps: Deps;
  baseUrl: string;
  port: number;
  /** A security administrator signed in to the API. */
  security: Call;
  /** Stops the server and closes the database file, as a server going down would. */
  close(): Promise<void>;
}

const securityLogin = "e2e-security";

/**
 * Starts the server on `sqlitePath` (migrated on the first start). `port` 0 takes a free port; a
 * restart passes the port the agent already knows. The administrator account is made once per file.
 */
export async function startE2eServer(options: { sqlitePath: string; port?: number }): Promise<E2eServer> {
  const store: Store = openStore({ sqlitePath: options.sqlitePath });
  await migrateToLatest(store.db);
  const deps: Deps = {
    db: store.db,
    dialect: store.dialect,
    clock: systemClock,
    config: testConfig({ TOBIRA_AGENT_REGISTRATIONS_PER_ADDRESS: "1000" }),
  };
  const app = await buildApp(deps);
  try {
    const baseUrl = await app.listen({ port: options.port ?? 0, host: "127.0.0.1" });
    const security = (await hasAccount(deps, securityLogin))
      ? caller(app, await signInAs(app, securityLogin))
      : await signInWithRoles(app, deps, securityLogin, ["staff", "securityAdmin"]);
    return {
      app,
      deps,
      baseUrl,
      port: Number(new URL(baseUrl).port),
      security,
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await app.close();
    await store.close();
    throw error;
  }
}

async function hasAccount(deps: Deps, loginId: string): Promise<boolean> {
  const row = await deps.db
    .selectFrom("app_user")
    .select("id")
    .where("login_id", "=", loginId)
    .executeTakeFirst();
  return row !== undefined;
}
