import type { AgentRole } from "@tobira/protocol";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { type Call, okJson, signInWithRoles } from "../../test/access-api";
import {
  type AgentKeys,
  agentRegistration,
  createAgentKeys,
  postAgentRegistration,
} from "../../test/agent-client";
import type { TestContext } from "../../test/databases";
import { buildApp } from "../http/app";

/** A real server listening on 127.0.0.1, a security administrator, and a small building to approve agents for. */
export interface AgentTestServer {
  app: FastifyInstance;
  baseUrl: string;
  security: Call;
  doorId: number;
  addReader(name: string, kind: AgentRole): Promise<number>;
  /** Registers a fresh key; returns the keys and the new agent's id. */
  registerAgent(name: string, role: AgentRole): Promise<{ keys: AgentKeys; agentId: number }>;
  /** Registers and approves an agent for a new reader of its role. */
  approvedAgent(
    name: string,
    role?: AgentRole,
  ): Promise<{ keys: AgentKeys; agentId: number; readerId: number }>;
}

export async function startAgentTestServer(context: TestContext): Promise<AgentTestServer> {
  const { deps } = context;
  const app = await buildApp(deps);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const security = await signInWithRoles(app, deps, "security", ["staff", "securityAdmin"]);
  const hall = okJson(await security("POST", "/api/access/areas", { name: "庁舎" })).id;
  const serverRoom = okJson(
    await security("POST", "/api/access/areas", { name: "サーバ室", parentId: hall }),
  ).id;
  const doorId = okJson(
    await security("POST", "/api/access/doors", {
      name: "サーバ室入口",
      fromAreaId: hall,
      toAreaId: serverRoom,
    }),
  ).id;

  async function addReader(name: string, kind: AgentRole): Promise<number> {
    const placement = kind === "door" ? { doorId, side: "entry" } : {};
    return okJson(await security("POST", "/api/access/readers", { name, kind, ...placement })).id;
  }

  async function registerAgent(name: string, role: AgentRole) {
    const keys = createAgentKeys();
    const response = await postAgentRegistration(address, agentRegistration(keys, { name, role }));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const body = response.body;
    if (typeof body !== "object" || body === null || !("agentId" in body) || typeof body.agentId !== "number")
      throw new Error("the registration answered no agent id");
    return { keys, agentId: body.agentId };
  }

  return {
    app,
    baseUrl: address,
    security,
    doorId,
    addReader,
    registerAgent,
    async approvedAgent(name, role = "door") {
      const { keys, agentId } = await registerAgent(name, role);
      const readerId = await addReader(`${name} reader`, role);
      okJson(await security("POST", `/api/agents/${agentId}/approve`, { readerId }));
      return { keys, agentId, readerId };
    },
  };
}
