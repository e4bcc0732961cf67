import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { issuesOf, okJson } from "../../test/access-api";
import { agentRegistration, createAgentKeys, postAgentRegistration } from "../../test/agent-client";
import { describeEachDatabase } from "../../test/databases";
import { formatAgentFingerprint } from "./agent-fingerprint";
import { type AgentTestServer, startAgentTestServer } from "./agents.fixture";

describeEachDatabase("reader agents: registration and approval", (context) => {
  let server: AgentTestServer;

  const audited = async (action: string, agentId: number) =>
    context()
      .deps.db.selectFrom("audit_log")
      .select(["actor", "details"])
      .where("action", "=", action)
      .where("target_id", "=", String(agentId))
      .execute();

  beforeAll(async () => {
    server = await startAgentTestServer(context());
  });
  afterAll(() => server.app.close());

  it("registers a new key as a pending agent and answers the same agent when the key registers again", async () => {
    const keys = createAgentKeys();
    const registration = agentRegistration(keys, { name: "door-pc-01", role: "door" });
    const first = await postAgentRegistration(server.baseUrl, registration);
    const again = await postAgentRegistration(server.baseUrl, registration);
    const fingerprint = formatAgentFingerprint(Buffer.from(keys.publicKey, "base64"));
    expect(first).toEqual({
      status: 200,
      body: { agentId: expect.any(Number), status: "pending", fingerprint },
    });
    expect(again).toEqual(first);
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const body = okJson(await server.security("GET", "/api/agents"));
    expect(body.items).toContainEqual(
      expect.objectContaining({
        name: "door-pc-01",
        role: "door",
        status: "pending",
        fingerprint,
        connected: false,
      }),
    );
    const agentId = body.items.find((item: { name: string }) => item.name === "door-pc-01").id;
    expect(await audited("agent.registered", agentId)).toHaveLength(1);
  });

  it("refuses a key that is not 32 bytes, naming publicKey", async () => {
    const registration = agentRegistration(createAgentKeys(), { name: "short-key", role: "door" });
    const response = await server.app.inject({
      method: "POST",
      url: "/api/agents/registrations",
      payload: { ...registration, publicKey: Buffer.alloc(31, 7).toString("base64") },
    });
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response)).toEqual(["body.publicKey: must be a 32-byte Ed25519 public key"]);
  });

  it("refuses a registration signed by another key, naming signature", async () => {
    const keys = createAgentKeys();
    const impostor = { ...keys, privateKey: generateKeyPairSync("ed25519").privateKey };
    const registration = agentRegistration(impostor, { name: "impostor", role: "door" });
    const response = await server.app.inject({
      method: "POST",
      url: "/api/agents/registrations",
      payload: registration,
    });
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response)).toEqual(["signature: does not verify with publicKey over the registration"]);
    const stored = await context()
      .deps.db.selectFrom("agent")
      .select("id")
      .where("public_key", "=", keys.publicKey)
      .execute();
    expect(stored).toEqual([]);
  });

  it("refuses a signature over another name than the one registered", async () => {
    const registration = agentRegistration(createAgentKeys(), { name: "door-pc-02", role: "door" });
    const response = await server.app.inject({
      method: "POST",
      url: "/api/agents/registrations",
      payload: { ...registration, name: "door-pc-03" },
    });
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response)).toEqual(["signature: does not verify with publicKey over the registration"]);
  });

  it("approves a pending agent only for an existing reader of its own kind, one approved agent per reader", async () => {
    const { agentId } = await server.registerAgent("archive-pc", "door");
    const attendanceReader = await server.addReader("1F 出退勤端末", "attendance");
    const doorReader = await server.addReader("書庫 入側", "door");
    const approve = (id: number, readerId: number) =>
      server.security("POST", `/api/agents/${id}/approve`, { readerId });

    const wrongKind = await approve(agentId, attendanceReader);
    expect(wrongKind.statusCode).toBe(400);
    expect(issuesOf(wrongKind)).toEqual([
      "readerId: is a reader of kind attendance, but the agent's role is door",
    ]);
    const missing = await approve(agentId, 999_999);
    expect(missing.statusCode).toBe(400);
    expect(issuesOf(missing)).toEqual(["readerId: is not an existing reader"]);

    const approved = okJson(await approve(agentId, doorReader));
    expect(approved).toMatchObject({
      id: agentId,
      status: "approved",
      readerId: doorReader,
      readerName: "書庫 入側",
      decidedBy: "security",
    });
    expect((await approve(agentId, doorReader)).statusCode).toBe(409);

    const { agentId: second } = await server.registerAgent("archive-pc-spare", "door");
    const taken = await approve(second, doorReader);
    expect(taken.statusCode).toBe(409);
    expect(issuesOf(taken)).toEqual([`readerId: already has the approved agent archive-pc (${agentId})`]);
    expect(await audited("agent.approved", agentId)).toEqual([
      { actor: "security", details: expect.stringContaining(`"readerId":${doorReader}`) },
    ]);
  });

  it("revokes a pending agent once and never approves it afterwards", async () => {
    const { agentId } = await server.registerAgent("unknown-pc", "attendance");
    const readerId = await server.addReader("2F 出退勤端末", "attendance");
    expect(okJson(await server.security("POST", `/api/agents/${agentId}/revoke`))).toMatchObject({
      status: "revoked",
      decidedBy: "security",
    });
    expect((await server.security("POST", `/api/agents/${agentId}/revoke`)).statusCode).toBe(409);
    expect((await server.security("POST", `/api/agents/${agentId}/approve`, { readerId })).statusCode).toBe(
      409,
    );
    expect(await audited("agent.revoked", agentId)).toHaveLength(1);
  });

  it("keeps a reader its agent serves until the agent is revoked, then removes it and keeps the agent's record", async () => {
    const { agentId, readerId } = await server.approvedAgent("entrance-pc");
    const refused = await server.security("DELETE", `/api/access/readers/${readerId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain(`agent entrance-pc (${agentId})`);
    okJson(await server.security("POST", `/api/agents/${agentId}/revoke`));
    expect((await server.security("DELETE", `/api/access/readers/${readerId}`)).statusCode).toBe(200);
    const agents = okJson(await server.security("GET", "/api/agents")).items;
    expect(agents.find((agent: { id: number }) => agent.id === agentId)).toMatchObject({
      status: "revoked",
      readerId: null,
    });
  });

  it("answers 404 for an agent that does not exist", async () => {
    expect((await server.security("POST", "/api/agents/999999/revoke")).statusCode).toBe(404);
  });
});
