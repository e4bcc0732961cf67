import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store } from "../src/db/database";
import type { DialectName } from "../src/db/dialect";
import { migrateTo, migrateToLatest } from "../src/db/migrate";

/** The PostgreSQL server tests create their throwaway databases on (CI has one on 127.0.0.1:5432). */
export const postgresAdminUrl =
  process.env.TOBIRA_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

let counter = 0;

/**
 * A migrated, empty database of the given kind that disappears after the tests; `upTo` stops at an
 * earlier migration (to test a later one against data written before it).
 */
export async function createTestStore(dialect: DialectName, upTo?: string): Promise<Store> {
  const migrate = (store: Store) =>
    upTo === undefined ? migrateToLatest(store.db) : migrateTo(store.db, upTo);
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "tobira-test-"));
    const store = openStore({ sqlitePath: join(dir, "tobira.db") });
    await migrate(store);
    return {
      ...store,
      close: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `tobira_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const store = openStore({ url: url.toString(), sqlitePath: "" });
  await migrate(store);
  return {
    ...store,
    close: async () => {
      await store.close();
      const cleanup = new pg.Client({ connectionString: postgresAdminUrl });
      await cleanup.connect();
      try {
        // The pool's connections close asynchronously; forcing them closed would surface as errors.
        for (let i = 0; i < 50; i++) {
          const { rows } = await cleanup.query(
            "select count(*)::int as n from pg_stat_activity where datname = $1",
            [name],
          );
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
