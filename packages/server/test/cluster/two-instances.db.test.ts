import { createPublicKey } from "node:crypto";
import { verifyDelta } from "@tobira/core";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readAccessVersion } from "../../src/access/access-version";
import { type AgentTestServer, startAgentTestServer } from "../../src/agents/agents.fixture";
import { fixedClock } from "../../src/clock";
import { listenerApplicationName } from "../../src/cluster/postgres-listener";
import { openStore, type Store } from "../../src/db/database";
import { buildApp } from "../../src/http/app";
import { enqueueWebhookEvent } from "../../src/integration/enqueue-webhook-event";
import { startWebhookReceiver, type WebhookReceiver } from "../../src/integration/webhook-receiver.fixture";
import { createWebhookWorker } from "../../src/integration/webhook-worker";
import { notify } from "../../src/notifications/notify";
import { addDepartment, addPerson } from "../../src/notifications/people.fixture";
import { runMorningDigest } from "../../src/notifications/run-morning-digest";
import { defaultMailSenderOptions, sendDueMails } from "../../src/notifications/send-due-mails";
import type { OutgoingMail } from "../../src/notifications/smtp-transport";
import { addStaff, type Call, okJson, signInWithRoles } from "../access-api";
import { AgentClient, envelopeOf } from "../agent-client";
import { createTestStore, type TestContext, testConfig } from "../databases";
import { backendsOf, connectionUrlOf, terminateBackends } from "./postgres-database";

/*
 * Two server instances on one PostgreSQL database, as behind a load balancer: A and B have their own
 * connection pools, agent hubs and LISTEN connections; only the database is shared.
 */
describe("two server instances on one PostgreSQL database", () => {
  let storeA: Store;
  let storeB: Store;
  let a: TestContext;
  let b: TestContext;
  let serverA: AgentTestServer;
  let appB: FastifyInstance;
  let securityB: Call;
  const clients: AgentClient[] = [];
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    storeA = await createTestStore("postgres");
    const url = await connectionUrlOf(storeA);
    storeB = openStore({ url, sqlitePath: "" });
    const config = testConfig({ TOBIRA_DATABASE_URL: url });
    const clock = fixedClock("2026-04-01T00:00:00Z");
    a = { store: storeA, deps: { db: storeA.db, dialect: "postgres", clock, config } };
    b = { store: storeB, deps: { db: storeB.db, dialect: "postgres", clock, config } };
    serverA = await startAgentTestServer(a);
    appB = await buildApp(b.deps);
    await appB.listen({ port: 0, host: "127.0.0.1" });
    securityB = await signInWithRoles(appB, b.deps, "security-b", ["staff", "securityAdmin"]);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });
  afterAll(async () => {
    await serverA?.app.close();
    await appB?.close();
    await storeB?.close();
    await storeA?.close();
  });

  /** An agent on A that runs the policy it is sent, with a card in it to revoke. */
  async function agentOnAWithCard(name: string, staffNumber: string, uid: string) {
    const staffId = await addStaff(a.deps, staffNumber, ["佐藤", "花子"]);
    const credential = okJson(
      await serverA.security("POST", "/api/credentials", { staffId, kind: "uid", uid }),
    );
    const { keys } = await serverA.approvedAgent(name);
    const client = await AgentClient.connect({ baseUrl: serverA.baseUrl, keys, applyPolicy: true });
    clients.push(client);
    const welcome = await client.next("welcome");
    const { snapshot } = await client.next("snapshot");
    await vi.waitFor(() => expect(client.version).toBe(snapshot.version));
    return { client, welcome, credentialId: Number(credential.id) };
  }

  async function revokeThroughBWithinASecond(
    agent: Awaited<ReturnType<typeof agentOnAWithCard>>,
    uid: string,
  ): Promise<void> {
    const baseVersion = agent.client.version;
    const clickedAt = performance.now();
    okJson(await securityB("POST", `/api/credentials/${agent.credentialId}/revoke`, { reason: "紛失届" }));
    const { delta } = await agent.client.next("delta", 1000);
    expect(performance.now() - clickedAt).toBeLessThan(1000);
    const verified = verifyDelta(envelopeOf(delta), createPublicKey(agent.welcome.snapshotKey.publicKeyPem));
    if (!verified.ok) throw new Error(verified.message);
    expect(verified.delta.baseVersion).toBe(baseVersion);
    expect(verified.delta.version).toBe(await readAccessVersion(b.deps.db));
    expect(verified.delta.changes).toContainEqual(
      expect.objectContaining({ key: `uid:${uid.toLowerCase()}`, status: "revoked" }),
    );
  }

  it("pushes a card revoked through B to an agent connected to A within a second", async () => {
    await vi.waitFor(() => expect(serverA.app.agentHub.hearsPolicyChanges()).toBe(true));
    const agent = await agentOnAWithCard("cluster-pc-1", "61001", "04C1C2C3C4C5C6");
    await revokeThroughBWithinASecond(agent, "04C1C2C3C4C5C6");
  });

  it("wakes A by the announcement, not by its poll: an unannounced change waits, an announcement brings it", async () => {
    const agent = await agentOnAWithCard("cluster-pc-2", "61002", "04D1D2D3D4D5D6");
    const received = agent.client.received.length;
    // A change written behind the server's back, as a restore or a hand edit would be: no announcement.
    const { rows } = await sql<{ version: number }>`
      update access_version set version = version + 1 where id = 1 returning version`.execute(storeB.db);
    const moved = rows[0]?.version;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(agent.client.received.length).toBe(received);
    expect(agent.client.version).not.toBe(moved);

    await sql`select pg_notify('tobira_policy', '')`.execute(storeB.db);
    await vi.waitFor(() => expect(agent.client.version).toBe(moved), { timeout: 1000, interval: 10 });
  });

  it("hears B again after its LISTEN connections are terminated, and still delivers within a second", async () => {
    const agent = await agentOnAWithCard("cluster-pc-3", "61003", "04E1E2E3E4E5E6");
    const before = await backendsOf(storeA, listenerApplicationName);
    expect(before).toHaveLength(2);
    expect(await terminateBackends(storeA, listenerApplicationName)).toBe(2);
    await vi.waitFor(
      async () => {
        const after = await backendsOf(storeA, listenerApplicationName);
        expect(after).toHaveLength(2);
        for (const pid of after) expect(before).not.toContain(pid);
        expect(serverA.app.agentHub.hearsPolicyChanges()).toBe(true);
        expect(appB.agentHub.hearsPolicyChanges()).toBe(true);
      },
      { timeout: 5000, interval: 20 },
    );
    await revokeThroughBWithinASecond(agent, "04E1E2E3E4E5E6");
  });

  it("posts each webhook event once when both instances' workers run at the same time", async () => {
    const sysadmin = await signInWithRoles(appB, b.deps, "cluster-sysadmin", ["sysadmin"]);
    const subscriptions = [];
    for (const name of ["庶務事務システム", "人事給与システム"]) {
      const receiver = await startWebhookReceiver("", () => a.deps.clock.now());
      receivers.push(receiver);
      const created = okJson(
        await sysadmin("POST", "/api/integration/webhooks", {
          name,
          url: receiver.url,
          eventTypes: ["month.closed"],
        }),
      );
      receiver.secret = String(created.secret);
      subscriptions.push(receiver);
    }
    const eventIds: string[] = [];
    for (let month = 1; month <= 12; month++) {
      const occurredAt = `2026-03-${String(month).padStart(2, "0")}T00:00:00Z`;
      const event = await a.deps.db.transaction().execute((trx) =>
        enqueueWebhookEvent(trx, {
          type: "month.closed",
          payload: { departmentId: 1, month: `2025-${String(month).padStart(2, "0")}` },
          occurredAt,
        }),
      );
      eventIds.push(event);
    }
    const workers = [a, b].map(({ deps }) =>
      createWebhookWorker({ db: deps.db, clock: deps.clock }, { timeoutMs: 3000, perSubscriptionPerPass: 3 }),
    );
    for (let pass = 0; pass < 20; pass++) {
      await Promise.all(workers.map((worker) => worker.runOnce()));
      if (subscriptions.every((receiver) => receiver.posts.length >= eventIds.length)) break;
    }
    for (const receiver of subscriptions) {
      expect(receiver.posts.filter((post) => post.status !== 200)).toEqual([]);
      expect(receiver.posts.map((post) => post.eventId)).toHaveLength(eventIds.length);
      expect(new Set(receiver.posts.map((post) => post.eventId)).size).toBe(eventIds.length);
    }
  });

  it("sends the morning digest once a day and each queued e-mail once when both instances run them", async () => {
    const config = testConfig({
      TOBIRA_DATABASE_URL: await connectionUrlOf(storeA),
      TOBIRA_SMTP_URL: "smtp://tobira:secret@127.0.0.1:2525",
      TOBIRA_MAIL_FROM: "tobira@town.example.jp",
    });
    const instances = [a, b].map(({ deps }) => ({ ...deps, config }));
    for (const day of ["2026-04-02", "2026-04-03", "2026-04-04"]) {
      a.deps.clock.set(`${day}T00:00:00Z`);
      const outcomes = await Promise.all(instances.map((deps) => runMorningDigest(deps)));
      expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
      expect(outcomes.filter((outcome) => !outcome.ran && outcome.reason === "alreadyClaimed")).toHaveLength(
        1,
      );
    }
    const runs = await a.deps.db.selectFrom("digest_run").select("date").orderBy("date").execute();
    expect(runs.map((run) => run.date)).toEqual(["2026-04-01", "2026-04-02", "2026-04-03"]);

    const department = await addDepartment(a.deps, "6100", "総務課");
    const staffIds: number[] = [];
    for (let i = 1; i <= 10; i++)
      staffIds.push(
        await addPerson(a.deps, {
          staffNumber: `6110${i}`,
          name: ["送信", `${i}郎`],
          departmentId: department,
          email: `staff${i}@town.example.jp`,
        }),
      );
    await a.deps.db.transaction().execute((trx) =>
      notify(
        trx,
        staffIds.map((staffId) => ({
          staffId,
          kind: "digest.missingPunch",
          title: "打刻漏れ / Missing punch",
          body: "昨日の退勤の打刻がありません。",
        })),
        { clock: a.deps.clock, config },
      ),
    );
    const sent: OutgoingMail[] = [];
    const transport = {
      async send(mail: OutgoingMail) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        sent.push(mail);
      },
      close: () => undefined,
    };
    const log = { warn: () => undefined, error: () => undefined };
    const options = { ...defaultMailSenderOptions, batchSize: 4 };
    for (let round = 0; round < 5; round++)
      await Promise.all(instances.map((deps) => sendDueMails(deps, transport, log, options)));
    expect(sent.map((mail) => mail.to).sort()).toEqual(
      staffIds.map((_, index) => `staff${index + 1}@town.example.jp`).sort(),
    );
  });
});
