import { describeDatabaseOutage } from "./database-outage";
import { createFaultDatabase } from "./fault-database";
import { startTcpProxy } from "./tcp-proxy";

// The network to PostgreSQL cut: a relay between the server and the database drops every connection
// and refuses new ones, as when the database host goes away.
describeDatabaseOutage("PostgreSQL out of reach for a few seconds while agents deliver", async () => {
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
});
