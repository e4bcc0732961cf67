import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { verifyDelta, verifySnapshot } from "@tobira/core";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { addStaff, okJson } from "../../test/access-api";
import { AgentClient, type AgentClientOptions, createAgentKeys, envelopeOf } from "../../test/agent-client";
import { describeEachDatabase } from "../../test/databases";
import { readAccessVersion } from "../access/access-version";
import { createTestStaffCard, fromBase64, toBase64 } from "../credentials/test-cards.fixture";
import { type AgentTestServer, startAgentTestServer } from "./agents.fixture";
import { revokeAgent } from "./decide-agent";

describeEachDatabase("reader agents: the socket", (context) => {
  let server: AgentTestServer;
  const clients: AgentClient[] = [];

  const connect = async (options: Omit<AgentClientOptions, "baseUrl">) => {
    const client = await AgentClient.connect({
      baseUrl: server.baseUrl,
      agentTime: agentTimeOffBy(0),
      ...options,
    });
    clients.push(client);
    return client;
  };
  const agentTimeOffBy = (ms: number) => () => new Date(context().deps.clock.now().getTime() + ms);
  const alarmsOf = (readerId: number) =>
    context()
      .deps.db.selectFrom("access_alarm")
      .select(["kind", "reader_id"])
      .where("reader_id", "=", readerId)
      .execute();
  const agentRow = (agentId: number) =>
    context().deps.db.selectFrom("agent").selectAll().where("id", "=", agentId).executeTakeFirstOrThrow();
  const waitUntilDisconnected = (agentId: number) =>
    vi.waitFor(() => expect(server.app.agentHub.isConnected(agentId)).toBe(false));

  beforeAll(async () => {
    server = await startAgentTestServer(context());
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  afterAll(() => server.app.close());

  it("refuses an unknown key and closes the socket", async () => {
    const client = await connect({ keys: createAgentKeys() });
    expect(await client.next("refused")).toMatchObject({ reason: "unknown_agent" });
    expect((await client.closed).code).toBe(4401);
  });

  it("refuses an agent still waiting for approval", async () => {
    const { keys } = await server.registerAgent("waiting-pc", "door");
    const client = await connect({ keys });
    expect(await client.next("refused")).toMatchObject({ reason: "pending" });
    expect((await client.closed).code).toBe(4403);
  });

  it("refuses a revoked agent", async () => {
    const { keys, agentId } = await server.approvedAgent("retired-pc");
    okJson(await server.security("POST", `/api/agents/${agentId}/revoke`));
    const client = await connect({ keys });
    expect(await client.next("refused")).toMatchObject({ reason: "revoked" });
    expect((await client.closed).code).toBe(4403);
  });

  it("refuses a forged agent: an approved agent's public key with a hello signed by another key", async () => {
    const { keys } = await server.approvedAgent("genuine-pc");
    const client = await connect({ keys, signWith: generateKeyPairSync("ed25519").privateKey });
    expect(await client.next("refused")).toMatchObject({ reason: "bad_signature" });
    expect((await client.closed).code).toBe(4401);
    expect(client.received.map((message) => message.type)).toEqual(["challenge", "refused"]);
  });

  it("keeps only the newest connection of an agent that connects twice", async () => {
    const { keys, agentId } = await server.approvedAgent("twice-pc");
    const older = await connect({ keys });
    await older.next("welcome");
    const newer = await connect({ keys });
    await newer.next("welcome");
    expect((await older.closed).code).toBe(4409);
    newer.send({
      type: "heartbeat",
      agentTime: new Date().toISOString(),
      snapshotVersion: null,
      outboxLength: 0,
    });
    await newer.next("heartbeat_ack");
    expect(server.app.agentHub.isConnected(agentId)).toBe(true);
  });

  it("refuses a message that is not JSON and closes the socket", async () => {
    const { keys } = await server.approvedAgent("garbled-pc");
    const client = await connect({ keys });
    await client.next("welcome");
    client.sendRaw("{not json");
    expect(await client.next("refused")).toMatchObject({ reason: "bad_message" });
    expect((await client.closed).code).toBe(4400);
  });

  it("welcomes an approved agent with its reader and door, then sends the signed snapshot it lacks", async () => {
    const { keys, agentId, readerId } = await server.approvedAgent("welcome-pc");
    const client = await connect({ keys, agentTime: agentTimeOffBy(1200), softwareVersion: "0.2.0" });
    const welcome = await client.next("welcome");
    expect(welcome).toMatchObject({
      agentId,
      readerId,
      role: "door",
      doorId: server.doorId,
      clockSkewMs: 1200,
      clockSkewLimitMs: 5000,
      heartbeatSeconds: 10,
    });
    const { snapshot } = await client.next("snapshot");
    const verified = verifySnapshot(envelopeOf(snapshot), createPublicKey(welcome.snapshotKey.publicKeyPem));
    expect(verified.ok).toBe(true);
    expect(snapshot.version).toBe(await readAccessVersion(context().deps.db));
    client.send({
      type: "heartbeat",
      agentTime: new Date().toISOString(),
      snapshotVersion: 0,
      outboxLength: 0,
    });
    await client.next("heartbeat_ack");
  });

  it("shows each agent's connection, snapshot version, software version and clock skew in the list", async () => {
    const { keys, agentId } = await server.approvedAgent("listed-pc");
    const client = await connect({
      keys,
      agentTime: agentTimeOffBy(-900),
      softwareVersion: "0.3.1",
      applyPolicy: true,
    });
    const { snapshot } = await client.next("snapshot");
    await vi.waitFor(async () => expect((await agentRow(agentId)).snapshot_version).toBe(snapshot.version));
    const list = okJson(await server.security("GET", "/api/agents"));
    expect(list.clockSkewLimitMs).toBe(5000);
    expect(list.items.find((item: { id: number }) => item.id === agentId)).toMatchObject({
      status: "approved",
      connected: true,
      softwareVersion: "0.3.1",
      snapshotVersion: snapshot.version,
      currentSnapshotVersion: await readAccessVersion(context().deps.db),
      clockSkewMs: -900,
      clockSkewAlarm: false,
    });
  });

  it("stores events under the agent's own reader and door, and acknowledges repeats as duplicates", async () => {
    const { keys, readerId } = await server.approvedAgent("events-pc");
    const client = await connect({ keys });
    await client.next("welcome");
    const occurredAt = context().deps.clock.now().toISOString();
    const tap = (eventId: string, sequence: number) => ({
      eventId,
      occurredAt,
      kind: "decision" as const,
      credentialKey: "uid:04a1b2c3",
      granted: false,
      reason: "unknown_card",
      assurance: "tap" as const,
      sequence,
    });
    client.send({ type: "events", batchId: "b1", events: [tap("socket-1", 1), tap("socket-2", 2)] });
    expect(await client.next("events_ack")).toEqual({
      type: "events_ack",
      batchId: "b1",
      accepted: ["socket-1", "socket-2"],
      duplicates: [],
    });
    client.send({ type: "events", batchId: "b2", events: [tap("socket-2", 2), tap("socket-3", 3)] });
    expect(await client.next("events_ack")).toMatchObject({
      accepted: ["socket-3"],
      duplicates: ["socket-2"],
    });
    const rows = await context()
      .deps.db.selectFrom("access_event")
      .select(["event_id", "reader_id", "door_id", "sequence"])
      .where("event_id", "like", "socket-%")
      .orderBy("seq")
      .execute();
    expect(rows).toEqual([
      { event_id: "socket-1", reader_id: readerId, door_id: server.doorId, sequence: 1 },
      { event_id: "socket-2", reader_id: readerId, door_id: server.doorId, sequence: 2 },
      { event_id: "socket-3", reader_id: readerId, door_id: server.doorId, sequence: 3 },
    ]);
  });

  it("refuses a batch the store will not take, so the agent keeps it", async () => {
    const { keys } = await server.approvedAgent("bad-events-pc");
    const client = await connect({ keys });
    await client.next("welcome");
    const occurredAt = context().deps.clock.now().toISOString();
    client.send({
      type: "events",
      batchId: "b9",
      events: [{ eventId: "bad-1", occurredAt, kind: "decision", granted: true, reason: "unknown_card" }],
    });
    expect(await client.next("events_refused")).toMatchObject({ batchId: "b9", message: expect.any(String) });
  });

  it("pushes a card revocation to a connected agent as a delta that verifies with the welcome's key, within a second", async () => {
    const { deps } = context();
    const staffId = await addStaff(deps, "50001", ["佐藤", "花子"]);
    const credential = okJson(
      await server.security("POST", "/api/credentials", { staffId, kind: "uid", uid: "04A1B2C3D4E5F6" }),
    );
    const { keys } = await server.approvedAgent("push-pc");
    const client = await connect({ keys, applyPolicy: true });
    const welcome = await client.next("welcome");
    const { snapshot } = await client.next("snapshot");
    await vi.waitFor(() => expect(client.version).toBe(snapshot.version));

    const clickedAt = performance.now();
    okJson(await server.security("POST", `/api/credentials/${credential.id}/revoke`, { reason: "紛失届" }));
    const { delta } = await client.next("delta", 1000);
    expect(performance.now() - clickedAt).toBeLessThan(1000);
    const verified = verifyDelta(envelopeOf(delta), createPublicKey(welcome.snapshotKey.publicKeyPem));
    if (!verified.ok) throw new Error(verified.message);
    expect(verified.delta.baseVersion).toBe(snapshot.version);
    expect(verified.delta.version).toBe(await readAccessVersion(deps.db));
    expect(verified.delta.changes).toContainEqual(
      expect.objectContaining({ key: "uid:04a1b2c3d4e5f6", status: "revoked" }),
    );
  });

  it("sends agents on the same version the snapshot and delta compiled once for it, not one each", async () => {
    const { deps } = context();
    const first = await server.approvedAgent("crowd-pc-1");
    const second = await server.approvedAgent("crowd-pc-2");
    const staffId = await addStaff(deps, "50005", ["高橋", "四郎"]);
    const credential = okJson(
      await server.security("POST", "/api/credentials", { staffId, kind: "uid", uid: "04C1C2C3" }),
    );
    const before = await readAccessVersion(deps.db);
    okJson(await server.security("POST", `/api/credentials/${credential.id}/suspend`, { reason: "調査中" }));

    const receive = async (keys: typeof first.keys, snapshotVersion: number | null) => {
      const client = await connect({ keys, snapshotVersion });
      await client.next("welcome");
      const policy =
        snapshotVersion === null
          ? (await client.next("snapshot")).snapshot
          : (await client.next("delta")).delta;
      await client.close();
      return policy;
    };
    const firstSnapshot = await receive(first.keys, null);
    const firstDelta = await receive(first.keys, before);
    deps.clock.advance(60_000);
    expect(await receive(second.keys, null)).toEqual(firstSnapshot);
    expect(await receive(second.keys, before)).toEqual(firstDelta);
  });

  it("stores a clock skew beyond the limit and raises a clock_skew alarm; within the limit, no alarm", async () => {
    const skewed = await server.approvedAgent("skewed-pc");
    const punctual = await server.approvedAgent("punctual-pc");
    const late = await connect({ keys: skewed.keys, agentTime: agentTimeOffBy(-8000) });
    expect(await late.next("welcome")).toMatchObject({ clockSkewMs: -8000 });
    const onTime = await connect({ keys: punctual.keys, agentTime: agentTimeOffBy(4000) });
    expect(await onTime.next("welcome")).toMatchObject({ clockSkewMs: 4000 });

    expect((await agentRow(skewed.agentId)).clock_skew_ms).toBe(-8000);
    expect(await alarmsOf(skewed.readerId)).toEqual([{ kind: "clock_skew", reader_id: skewed.readerId }]);
    expect((await agentRow(punctual.agentId)).clock_skew_ms).toBe(4000);
    expect(await alarmsOf(punctual.readerId)).toEqual([]);
    const list = okJson(await server.security("GET", "/api/agents"));
    const alarmOf = (id: number) => list.items.find((item: { id: number }) => item.id === id).clockSkewAlarm;
    expect([alarmOf(skewed.agentId), alarmOf(punctual.agentId)]).toEqual([true, false]);
  });

  it("stores the clock of an agent reset to 1970 as off by the most the store holds, with an alarm", async () => {
    const reset = await server.approvedAgent("reset-pc");
    const client = await connect({ keys: reset.keys, agentTime: () => new Date("1970-01-01T00:00:00Z") });
    expect(await client.next("welcome")).toMatchObject({ clockSkewMs: -2_147_483_647 });
    expect((await agentRow(reset.agentId)).clock_skew_ms).toBe(-2_147_483_647);
    expect(await alarmsOf(reset.readerId)).toEqual([{ kind: "clock_skew", reader_id: reset.readerId }]);
  });

  it("runs a command on a live door agent and returns its answer; refuses with 409 once it is gone", async () => {
    const { keys, agentId } = await server.approvedAgent("command-pc");
    const client = await connect({
      keys,
      answerCommand: ({ command, seconds }) => ({ ok: true, message: `${command} for ${seconds} s` }),
    });
    await client.next("welcome");
    const result = okJson(
      await server.security("POST", `/api/agents/${agentId}/commands`, {
        command: "momentary_unlock",
        seconds: 3,
      }),
    );
    expect(result).toEqual({ ok: true, message: "momentary_unlock for 3 s" });
    const sent = await client.next("command");
    expect(Date.parse(sent.expiresAt) - context().deps.clock.now().getTime()).toBe(5000);

    await client.close();
    await waitUntilDisconnected(agentId);
    const refused = await server.security("POST", `/api/agents/${agentId}/commands`, { command: "lockdown" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("is not connected; commands are never queued");
  });

  it("closes the socket of an agent the moment it is revoked", async () => {
    const { keys, agentId } = await server.approvedAgent("revoked-live-pc");
    const client = await connect({ keys });
    await client.next("welcome");
    okJson(await server.security("POST", `/api/agents/${agentId}/revoke`));
    expect(await client.next("refused")).toMatchObject({ reason: "revoked" });
    expect((await client.closed).code).toBe(4403);
    await waitUntilDisconnected(agentId);
  });

  it("closes the socket of an agent revoked elsewhere (the CLI, another server) within the hub's poll", async () => {
    const { keys, agentId } = await server.approvedAgent("revoked-elsewhere-pc");
    const client = await connect({ keys });
    await client.next("welcome");
    await revokeAgent(context().deps, "cli", agentId);
    expect(await client.next("refused", 2500)).toMatchObject({ reason: "revoked" });
    expect((await client.closed).code).toBe(4403);
  });

  it("shows the door state each agent reports until it disconnects", async () => {
    const { keys, agentId, readerId } = await server.approvedAgent("state-pc");
    const client = await connect({ keys });
    await client.next("welcome");
    const state = {
      lock: "released" as const,
      contact: "open" as const,
      lockdown: false,
      display: "granted",
    };
    client.send({ type: "door_state", state });
    client.send({
      type: "heartbeat",
      agentTime: new Date().toISOString(),
      snapshotVersion: null,
      outboxLength: 0,
    });
    await client.next("heartbeat_ack");
    const states = okJson(await server.security("GET", "/api/access/door-states"));
    expect(states.items).toContainEqual({
      readerId,
      agentId,
      state,
      at: context().deps.clock.now().toISOString(),
    });
    await client.close();
    await waitUntilDisconnected(agentId);
    const after = okJson(await server.security("GET", "/api/access/door-states"));
    expect(after.items.map((item: { readerId: number }) => item.readerId)).not.toContain(readerId);
  });

  it("enrols the staff card a station reads for the staff member the administrator named", async () => {
    const staffId = await addStaff(context().deps, "50002", ["鈴木", "一郎"]);
    const { keys, agentId } = await server.approvedAgent("station-pc", "enrolment");
    const client = await connect({ keys });
    await client.next("welcome");
    const started = await server.security("POST", `/api/agents/${agentId}/enrolments`, {
      staffId,
      kind: "staffCard",
    });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toMatchObject({ agentId, staffId, kind: "staffCard", state: "waiting" });
    const request = await client.next("enrolment_request");
    expect(request).toMatchObject({ enrolmentId: started.json().enrolmentId, staffName: "鈴木 一郎" });

    const card = await createTestStaffCard();
    const signature = await card.signChallenge(fromBase64(request.challenge));
    client.send({
      type: "enrolment_result",
      enrolmentId: request.enrolmentId,
      result: {
        ok: true,
        card: {
          kind: "staffCard",
          cardId: card.cardId,
          publicKey: toBase64(card.publicKey),
          challengeId: request.challengeId,
          challenge: request.challenge,
          signature: toBase64(signature),
        },
      },
    });
    expect(await client.next("enrolment_finished")).toMatchObject({
      enrolmentId: request.enrolmentId,
      ok: true,
    });
    const finished = okJson(await server.security("GET", `/api/agents/enrolments/${request.enrolmentId}`));
    expect(finished).toMatchObject({ state: "enrolled", credentialId: expect.any(Number) });
    const credential = okJson(await server.security("GET", `/api/credentials/${finished.credentialId}`));
    expect(credential).toMatchObject({ staffId, key: `staffCard:${card.cardId}` });
  });

  it("records a station's failure to read the card and tells the station", async () => {
    const staffId = await addStaff(context().deps, "50003", ["田中", "次郎"]);
    const { keys, agentId } = await server.approvedAgent("station-fail-pc", "enrolment");
    const client = await connect({ keys });
    await client.next("welcome");
    okJson(await server.security("GET", "/api/agents"));
    const started = await server.security("POST", `/api/agents/${agentId}/enrolments`, {
      staffId,
      kind: "jpki",
    });
    expect(started.statusCode).toBe(201);
    const request = await client.next("enrolment_request");
    client.send({
      type: "enrolment_result",
      enrolmentId: request.enrolmentId,
      result: { ok: false, message: "PIN guard: 1 try left" },
    });
    expect(await client.next("enrolment_finished")).toMatchObject({
      ok: false,
      message: "PIN guard: 1 try left",
    });
    expect(
      okJson(await server.security("GET", `/api/agents/enrolments/${request.enrolmentId}`)),
    ).toMatchObject({
      state: "failed",
      message: "PIN guard: 1 try left",
      credentialId: null,
    });
  });

  it("refuses a station enrolment on a door agent", async () => {
    const staffId = await addStaff(context().deps, "50004", ["山田", "三郎"]);
    const { agentId } = await server.approvedAgent("not-a-station-pc");
    const response = await server.security("POST", `/api/agents/${agentId}/enrolments`, {
      staffId,
      kind: "jpki",
    });
    expect(response.statusCode).toBe(409);
  });
});
