import type { KyselyPlugin, QueryId, RootOperationNode } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AgentClient } from "../../test/agent-client";
import { createTestStore, testConfig } from "../../test/databases";
import { fixedClock } from "../clock";
import type { Store } from "../db/database";
import { type AgentTestServer, startAgentTestServer } from "./agents.fixture";

/** Holds the answer of the hub's "which connected agents are still approved?" query until released. */
function createApprovalCheckGate(compile: (node: RootOperationNode, queryId: QueryId) => string) {
  const held = new WeakSet<QueryId>();
  let open = true;
  let release: () => void = () => {};
  let released = Promise.resolve();
  let reportHeld: () => void = () => {};
  let heldOnce = new Promise<void>((resolve) => {
    reportHeld = resolve;
  });
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      if (
        !open &&
        /^select "id" from "agent" where "id" in \(.*\) and "status" = /.test(compile(node, queryId))
      )
        held.add(queryId);
      return node;
    },
    async transformResult({ queryId, result }) {
      if (held.has(queryId)) {
        reportHeld();
        await released;
      }
      return result;
    },
  };
  return {
    plugin,
    close() {
      open = false;
      released = new Promise((resolve) => {
        release = resolve;
      });
      heldOnce = new Promise((resolve) => {
        reportHeld = resolve;
      });
    },
    whenHeld: () => heldOnce,
    open() {
      open = true;
      release();
    },
  };
}

// On PostgreSQL the check runs on one pooled connection while another welcomes an agent. (SQLite has one
// connection, so nothing is welcomed while the check runs.)
describe("the hub's check of connected agents [postgres]", () => {
  let store: Store;
  let server: AgentTestServer;
  let gate: ReturnType<typeof createApprovalCheckGate>;
  const clients: AgentClient[] = [];

  beforeAll(async () => {
    store = await createTestStore("postgres");
    const executor = store.db.getExecutor();
    gate = createApprovalCheckGate((node, queryId) => executor.compileQuery(node, queryId).sql);
    const db = store.db.withPlugin(gate.plugin);
    const deps = {
      db,
      dialect: store.dialect,
      clock: fixedClock("2026-04-01T00:00:00Z"),
      config: testConfig(),
    };
    server = await startAgentTestServer({ store, deps });
  });
  afterEach(async () => {
    gate.open();
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  afterAll(async () => {
    await server.app.close();
    await store.close();
  });

  it("leaves alone an approved agent welcomed while the check was running", async () => {
    const connect = async (name: string) => {
      const { keys, agentId } = await server.approvedAgent(name);
      const client = await AgentClient.connect({ baseUrl: server.baseUrl, keys });
      clients.push(client);
      await client.next("welcome");
      return { client, agentId };
    };
    await connect("early-pc");
    gate.close();
    await gate.whenHeld();

    const late = await connect("late-pc");
    gate.open();
    // The held check and the next one both answer; neither may take the late agent for revoked.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(late.client.received.map((message) => message.type)).not.toContain("refused");
    expect(server.app.agentHub.isConnected(late.agentId)).toBe(true);
  });
});
