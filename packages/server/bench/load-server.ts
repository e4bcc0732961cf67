// The load benchmark's server, in a child process of its own so that its CPU time and memory can be read
// apart from the agents': a real server on SQLite with one approved agent per door reader. It sends the
// agents' keys to the parent and closes when the parent says so.
import { approveAgent } from "../src/agents/decide-agent";
import { registerAgent } from "../src/agents/register-agent";
import { agentRegistration, createAgentKeys } from "../test/agent-client";
import { benchActor, startBenchServer } from "./agent-bench-server";
import { type LoadAgent, loadServerStopMessage } from "./load-server-messages";

const agentCount = Number(process.env.TOBIRA_LOAD_AGENTS ?? "1000");

const server = await startBenchServer(agentCount, 0);
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
process.on("message", async (message) => {
  if (message !== loadServerStopMessage) return;
  await server.close();
  process.disconnect?.();
});
process.send?.({ baseUrl: server.baseUrl, agents });
