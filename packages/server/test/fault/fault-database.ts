import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store } from "../../src/db/database";
import type { DialectName } from "../../src/db/dialect";
import { migrateToLatest } from "../../src/db/migrate";
import { postgresAdminUrl } from "../test-store";
import type { ServerStoreEnv } from "./server-process";

/** A migrated store that outlives server processes: the test's own connection plus how a server finds it. */
export interface FaultDatabase {
  store: Store;
  serverEnv: ServerStoreEnv;
  /** The PostgreSQL URL (unset on SQLite), for pointing a server elsewhere (through a proxy). */
  url: URL | null;
  drop(): Promise<void>;
}

let counter = 0;

export async function createFaultDatabase(dialect: DialectName): Promise<FaultDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "tobira-fault-"));
    const sqlitePath = join(dir, "tobira.db");
    const store = openStore({ sqlitePath });
    await migrateToLatest(store.db);
    return {
      store,
      serverEnv: { sqlitePath },
      url: null,
      async drop() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `tobira_fault_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const store = openStore({ url: url.toString(), sqlitePath: "" });
  await migrateToLatest(store.db);
  return {
    store,
    serverEnv: { databaseUrl: url.toString() },
    url,
    async drop() {
      await store.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
