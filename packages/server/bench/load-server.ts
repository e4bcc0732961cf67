// The load benchmark's server, in a child process of its own so that its CPU time and memory can be read
// apart from the agents': a real server on a fresh SQLite or PostgreSQL database with one approved agent
// per door reader and a town of staff with their cards. It sends the agents' keys to the parent and closes
// (dropping the database) when the parent says so.
import { performance } from "node:perf_hooks";
import { approveAgent } from "../src/agents/decide-agent";
import { registerAgent } from "../src/agents/register-agent";
import { agentRegistration, createAgentKeys } from "../test/agent-client";
import { benchActor, startBenchServer } from "./agent-bench-server";
import { type LoadAgent, loadDialectSchema, loadServerStopMessage } from "./load-server-messages";
import { seedTown } from "./load-town";

const agentCount = Number(process.env.TOBIRA_LOAD_AGENTS ?? "1000");
const staff = Number(process.env.TOBIRA_LOAD_STAFF ?? "40000");
const dialect = loadDialectSchema.parse(process.env.TOBIRA_LOAD_DATABASE);

const server = await startBenchServer(agentCount, 0, dialect);
const agents: LoadAgent[] = [];
for (const [i, readerId] of server.readerIds.entries()) {
  const keys = createAgentKeys();
  const { agentId } = await registerAgent(
    server.deps,
    agentRegistration(keys, { name: `door-pc-${i + 1}`, role: "door" }),
  );
  await approveAgent(server.deps, benchActor, agentId, { readerId });
  const privateKeyPem = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  agents.push({ publicKey: keys.publicKey, privateKeyPem });
}
const seedStarted = performance.now();
await seedTown(server.deps, server.readerIds[0] ?? 0, staff);
const seedSeconds = (performance.now() - seedStarted) / 1000;
let closing: Promise<void> | null = null;
const close = () => {
  closing ??= server.close();
  return closing;
};
process.on("message", async (message) => {
  if (message !== loadServerStopMessage) return;
  await close();
  if (process.connected) process.disconnect?.();
});
// A benchmark that dies without saying stop still gets its database dropped.
process.once("disconnect", () => void close());
process.send?.({ baseUrl: server.baseUrl, agents, seedSeconds });
