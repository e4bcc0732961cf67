import { systemClock } from "../../src/clock";
import { loadConfig } from "../../src/config";
import { openStore } from "../../src/db/database";
import { migrateToLatest } from "../../src/db/migrate";
import { buildApp } from "../../src/http/app";

/*
 * The server as its own process, so a fault test can SIGKILL it: the store (TOBIRA_DATABASE_URL or
 * TOBIRA_FAULT_SQLITE), migrations, the HTTP app on TOBIRA_FAULT_PORT. Prints "listening URL" once up;
 * errors go to stderr as pino lines.
 */
const port = Number(process.env.TOBIRA_FAULT_PORT ?? "0");
const url = process.env.TOBIRA_DATABASE_URL;
const store = openStore({ url, sqlitePath: process.env.TOBIRA_FAULT_SQLITE ?? "" });
await migrateToLatest(store.db);
const config = loadConfig({ TOBIRA_LOG_LEVEL: "error", TOBIRA_AGENT_REGISTRATIONS_PER_ADDRESS: "1000" });
const app = await buildApp(
  { db: store.db, dialect: store.dialect, clock: systemClock, config },
  {
    logger: { level: "error" },
  },
);
const baseUrl = await app.listen({ port, host: "127.0.0.1" });
process.stdout.write(`listening ${baseUrl}\n`);
