import { afterAll, beforeAll, describe } from "vitest";
import { fixedClock } from "../src/clock";
import { type Config, loadConfig } from "../src/config";
import type { Store } from "../src/db/database";
import type { DialectName } from "../src/db/dialect";
import type { Deps } from "../src/deps";
import { createTestStore } from "./test-store";

export { createTestStore, postgresAdminUrl } from "./test-store";

export const dialects: DialectName[] = ["sqlite", "postgres"];

export function testConfig(overrides: Partial<Record<string, string>> = {}): Config {
  return loadConfig({ TOBIRA_LOG_LEVEL: "silent", ...overrides });
}

export interface TestContext {
  deps: Deps & { clock: ReturnType<typeof fixedClock> };
  store: Store;
}

/**
 * Runs the same suite once on SQLite and once on PostgreSQL, each on a fresh migrated database.
 * `context()` gives the current dialect's dependencies inside tests.
 */
export function describeEachDatabase(name: string, suite: (context: () => TestContext) => void): void {
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, () => {
      let current: TestContext | undefined;
      beforeAll(async () => {
        const store = await createTestStore(dialect);
        const clock = fixedClock("2026-04-01T00:00:00Z");
        current = { store, deps: { db: store.db, dialect: store.dialect, clock, config: testConfig() } };
      });
      afterAll(async () => {
        await current?.store.close();
      });
      suite(() => {
        if (!current) throw new Error("the test database is not ready");
        return current;
      });
    });
  }
}
