import { openStore } from "../../src/db/database";
import { migrateToLatest } from "../../src/db/migrate";
import { describeDatabaseOutage } from "./database-outage";
import { startPrivatePostgres } from "./private-postgres";

// PostgreSQL itself crashed and restarted: an immediate stop (no shutdown checkpoint, as in a crash) of a
// cluster of its own, then a start that replays the WAL before it takes connections again.
describeDatabaseOutage("PostgreSQL crashed and restarted while agents deliver", async () => {
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
});
