import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Call, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { ingestAsReader } from "../../test/ingest-as-reader";
import { insertReader } from "../access/reader-repository";
import { listAudit } from "../audit/audit-repository";
import { insertDepartment } from "../org/department-repository";
import { enqueueWebhookEvent } from "./enqueue-webhook-event";
import { buildIntegrationApp } from "./integration-app.fixture";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.fixture";
import { createWebhookWorker, type WebhookWorkerOptions } from "./webhook-worker";

describeEachDatabase("signed webhooks", (context) => {
  let app: FastifyInstance;
  let admin: Call;
  const receivers: WebhookReceiver[] = [];

  const worker = (options: WebhookWorkerOptions = {}) => {
    const { db, clock } = context().deps;
    return createWebhookWorker(
      { db, clock },
      { backoff: { baseMs: 1000, capMs: 60_000 }, random: () => 0.5, timeoutMs: 3000, ...options },
    );
  };

  /** A receiver listening on localhost and a subscription posting to it, with the secret given to it. */
  const subscribe = async (eventTypes: string[]) => {
    const { clock } = context().deps;
    const receiver = await startWebhookReceiver("", () => clock.now());
    receivers.push(receiver);
    const created = okJson(
      await admin("POST", "/api/integration/webhooks", {
        name: "庶務事務システム",
        url: receiver.url,
        eventTypes,
      }),
    );
    receiver.secret = created.secret;
    return { receiver, subscriptionId: Number(created.subscription.id), secret: String(created.secret) };
  };

  const enqueue = (type: string, payload: Record<string, unknown>, occurredAt: string) =>
    context()
      .deps.db.transaction()
      .execute((trx) => enqueueWebhookEvent(trx, { type, payload, occurredAt }));

  const deliveries = async (subscriptionId: number) =>
    okJson(await admin("GET", `/api/integration/webhooks/${subscriptionId}/deliveries`)).items;

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set("2026-11-05T00:00:00Z");
    app = await buildIntegrationApp(deps);
    admin = await signInWithRoles(app, deps, "webhook-admin", ["sysadmin"]);
  });
  afterEach(async () => {
    // Each test's subscriptions end with it, so the next test's events go only to its own receiver.
    const { db } = context().deps;
    await db
      .updateTable("webhook_subscription")
      .set({ active: 0, deleted_at: "2026-11-05T00:00:00.000Z" })
      .execute();
    for (const receiver of receivers.splice(0)) await receiver.close();
  });
  afterAll(() => app.close());

  it("retries through an outage, in event order, and a deduplicating receiver processes each event once", async () => {
    const { deps } = context();
    const { receiver, subscriptionId } = await subscribe(["month.closed", "month.reopened"]);
    const first = await enqueue(
      "month.closed",
      { departmentId: 1, month: "2026-10" },
      "2026-11-04T23:00:00Z",
    );
    const second = await enqueue(
      "month.reopened",
      { departmentId: 1, month: "2026-10" },
      "2026-11-04T23:30:00Z",
    );
    const delivery = worker();

    await receiver.goDown();
    expect(await delivery.runOnce()).toBe(1);
    let log = await deliveries(subscriptionId);
    expect(log.find((d: { eventId: string }) => d.eventId === first)).toMatchObject({
      state: "pending",
      attempts: 1,
      lastStatus: null,
      lastError: "could not reach the receiver (ECONNREFUSED)",
      nextAttemptAt: "2026-11-05T00:00:01.000Z",
    });
    // The later event waits behind the first; nothing is due again before the backoff ends.
    expect(log.find((d: { eventId: string }) => d.eventId === second)).toMatchObject({ attempts: 0 });
    expect(await delivery.runOnce()).toBe(0);

    await receiver.comeUp();
    receiver.mode = "error";
    deps.clock.advance(1000);
    expect(await delivery.runOnce()).toBe(1);
    log = await deliveries(subscriptionId);
    expect(log.find((d: { eventId: string }) => d.eventId === first)).toMatchObject({
      state: "pending",
      attempts: 2,
      lastStatus: 500,
      lastError: "the receiver answered HTTP 500",
      nextAttemptAt: "2026-11-05T00:00:03.000Z",
    });

    receiver.mode = "ok";
    deps.clock.advance(2000);
    expect(await delivery.runOnce()).toBe(2);
    log = await deliveries(subscriptionId);
    expect(
      log.map((d: { eventId: string; state: string; attempts: number }) => [d.eventId, d.state, d.attempts]),
    ).toEqual([
      [second, "delivered", 1],
      [first, "delivered", 3],
    ]);

    expect(receiver.processed.map((event) => [event.id, event.type])).toEqual([
      [first, "month.closed"],
      [second, "month.reopened"],
    ]);
    expect(receiver.processed[0]).toEqual({
      id: first,
      type: "month.closed",
      occurredAt: "2026-11-04T23:00:00.000Z",
      data: { departmentId: 1, month: "2026-10" },
    });
    expect(receiver.posts.map((post) => [post.eventId, post.status])).toEqual([
      [first, 500],
      [first, 200],
      [second, 200],
    ]);
    expect(receiver.posts.every((post) => post.signatureValid)).toBe(true);
    expect(new Set(receiver.posts.map((post) => post.eventId)).size).toBe(2);

    const attempts = await deps.db
      .selectFrom("webhook_attempt")
      .innerJoin("webhook_delivery", "webhook_delivery.id", "webhook_attempt.delivery_id")
      .select(["webhook_attempt.attempt", "webhook_attempt.status", "webhook_attempt.error"])
      .where("webhook_delivery.event_id", "=", first)
      .orderBy("webhook_attempt.attempt")
      .execute();
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, null],
      [2, 500],
      [3, 200],
    ]);
  });

  it("gives a delivery up after the last attempt, and the subscription's later events go on", async () => {
    const { deps } = context();
    const { receiver, subscriptionId } = await subscribe(["month.closed"]);
    receiver.mode = "error";
    const first = await enqueue(
      "month.closed",
      { departmentId: 2, month: "2026-10" },
      "2026-11-05T00:00:00Z",
    );
    const second = await enqueue(
      "month.closed",
      { departmentId: 3, month: "2026-10" },
      "2026-11-05T00:00:01Z",
    );
    const delivery = worker({ maxAttempts: 3 });
    await delivery.runOnce();
    deps.clock.advance(60_000);
    await delivery.runOnce();
    deps.clock.advance(60_000);
    // The first event's third and last attempt fails; the second goes out right after it, in the same pass.
    expect(await delivery.runOnce()).toBe(2);
    expect(receiver.posts.map((post) => post.eventId)).toEqual([first, first, first, second]);
    const log = await deliveries(subscriptionId);
    expect(log.find((d: { eventId: string }) => d.eventId === first)).toMatchObject({
      state: "failed",
      attempts: 3,
      nextAttemptAt: null,
    });
    expect(log.find((d: { eventId: string }) => d.eventId === second)).toMatchObject({
      attempts: 1,
      state: "pending",
    });
  });

  it("is refused by a receiver holding another secret, and stays pending", async () => {
    const { receiver, subscriptionId } = await subscribe(["month.closed"]);
    receiver.secret = "whsec_not-the-one-tobira-gave";
    const eventId = await enqueue(
      "month.closed",
      { departmentId: 4, month: "2026-10" },
      "2026-11-05T00:00:00Z",
    );
    await worker().runOnce();
    expect(receiver.posts).toEqual([{ eventId, signatureValid: false, status: 401 }]);
    expect(receiver.processed).toEqual([]);
    expect((await deliveries(subscriptionId))[0]).toMatchObject({ state: "pending", lastStatus: 401 });
  });

  it("sends a signed month.closed when a department's month is closed, and month.reopened when HR reopens it", async () => {
    const { deps } = context();
    const { receiver } = await subscribe(["month.closed", "month.reopened"]);
    const department = await insertDepartment(deps.db, {
      code: "8200",
      name: "通知課",
      kind: "section",
      parentId: null,
      validFrom: "2020-04-01",
      validTo: null,
    });
    const head = await signInWithRoles(app, deps, "webhook-head", ["approver"]);
    const hr = await signInWithRoles(app, deps, "webhook-hr", ["hr"]);
    const month = `/api/attendance/departments/${department.id}/months/2026-10`;
    okJson(await head("POST", `${month}/close`));
    okJson(await hr("POST", `${month}/reopen`, { reason: "給与の再計算" }));
    expect(await worker().runOnce()).toBe(2);
    expect(receiver.posts.every((post) => post.signatureValid && post.status === 200)).toBe(true);
    expect(receiver.processed.map((event) => [event.type, event.data])).toEqual([
      ["month.closed", { departmentId: department.id, month: "2026-10", closedBy: "webhook-head" }],
      [
        "month.reopened",
        { departmentId: department.id, month: "2026-10", reopenedBy: "webhook-hr", reason: "給与の再計算" },
      ],
    ]);
  });

  it("announces access events without the credential key", async () => {
    const { deps } = context();
    const { receiver } = await subscribe(["access.event"]);
    const terminal = await insertReader(deps.db, {
      name: "連携 出退勤端末",
      kind: "attendance",
      doorId: null,
      side: null,
    });
    const sent = await ingestAsReader(deps, terminal.id, [
      {
        eventId: "wh-punch-1",
        occurredAt: "2026-11-05T08:20:00+09:00",
        kind: "punch",
        credentialKey: "staffCard:0123456789abcdef0123456789abcdef",
        holderId: "staff:1",
        punch: "in",
        sequence: 41,
      },
    ]);
    expect(sent.statusCode, sent.body).toBe(200);
    await worker().runOnce();
    expect(receiver.processed).toHaveLength(1);
    expect(receiver.processed[0]?.data).toEqual({
      eventId: "wh-punch-1",
      kind: "punch",
      readerId: terminal.id,
      doorId: null,
      direction: null,
      holderId: "staff:1",
      granted: null,
      reason: null,
      punch: "in",
      live: false,
      occurredAt: "2026-11-04T23:20:00.000Z",
      sequence: 41,
    });
    expect(JSON.stringify(receiver.processed)).not.toContain("0123456789abcdef");
  });

  it("delivers on its own while the server listens, and stops when the server closes", async () => {
    const { deps } = context();
    const { receiver } = await subscribe(["month.closed"]);
    const server = await buildIntegrationApp(deps);
    await server.listen({ port: 0, host: "127.0.0.1" });
    await enqueue("month.closed", { departmentId: 8, month: "2026-10" }, "2026-11-05T00:00:00Z");
    await expect.poll(() => receiver.processed.length, { timeout: 5000 }).toBe(1);
    await server.close();
    await enqueue("month.closed", { departmentId: 9, month: "2026-10" }, "2026-11-05T00:00:00Z");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.processed.map((event) => event.data.departmentId)).toEqual([8]);
  });

  describe("managing subscriptions", () => {
    it("sends a test event on request and shows it in the delivery log", async () => {
      const { receiver, subscriptionId } = await subscribe(["request.approved"]);
      const { eventId } = okJson(await admin("POST", `/api/integration/webhooks/${subscriptionId}/test`));
      await worker().runOnce();
      expect(receiver.processed.map((event) => [event.id, event.type])).toEqual([[eventId, "webhook.test"]]);
      expect(await deliveries(subscriptionId)).toEqual([
        expect.objectContaining({
          eventId,
          eventType: "webhook.test",
          state: "delivered",
          attempts: 1,
          lastStatus: 200,
        }),
      ]);
    });

    it("holds a paused subscription's events until it is active again", async () => {
      const { receiver, subscriptionId } = await subscribe(["month.closed"]);
      okJson(await admin("PUT", `/api/integration/webhooks/${subscriptionId}`, { active: false }));
      expect((await admin("POST", `/api/integration/webhooks/${subscriptionId}/test`)).statusCode).toBe(409);
      await enqueue("month.closed", { departmentId: 5, month: "2026-10" }, "2026-11-05T00:00:00Z");
      expect(await worker().runOnce()).toBe(0);
      okJson(await admin("PUT", `/api/integration/webhooks/${subscriptionId}`, { active: true }));
      await enqueue("month.closed", { departmentId: 6, month: "2026-10" }, "2026-11-05T00:00:01Z");
      expect(await worker().runOnce()).toBe(1);
      expect(receiver.processed.map((event) => event.data.departmentId)).toEqual([6]);
    });

    it("refuses URLs that are not http(s), unknown event types, and callers without integration.manage", async () => {
      const bad = await admin("POST", "/api/integration/webhooks", {
        name: "x",
        url: "ftp://example.jp/hook",
        eventTypes: ["month.closed", "staff.deleted"],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain("http:// or https://");
      const hr = await signInWithRoles(app, context().deps, "webhook-hr-2", ["hr"]);
      expect((await hr("GET", "/api/integration/webhooks")).statusCode).toBe(403);
    });

    it("keeps the signing secret out of the list and the audit log, and gives up waiting deliveries on delete", async () => {
      const { deps } = context();
      const { secret, subscriptionId, receiver } = await subscribe(["month.closed"]);
      await receiver.goDown();
      await enqueue("month.closed", { departmentId: 7, month: "2026-10" }, "2026-11-05T00:00:00Z");
      const list = okJson(await admin("GET", "/api/integration/webhooks"));
      expect(list.items.some((s: { id: number }) => s.id === subscriptionId)).toBe(true);
      expect(JSON.stringify(list)).not.toContain(secret);
      okJson(await admin("DELETE", `/api/integration/webhooks/${subscriptionId}`));
      expect((await admin("GET", `/api/integration/webhooks/${subscriptionId}/deliveries`)).statusCode).toBe(
        404,
      );
      const waiting = await deps.db
        .selectFrom("webhook_delivery")
        .select("state")
        .where("subscription_id", "=", subscriptionId)
        .execute();
      expect(waiting.map((d) => d.state)).toEqual(["failed"]);
      const audit = await listAudit(deps.db, { limit: 500 });
      expect(JSON.stringify(audit)).not.toContain(secret);
      expect(
        audit
          .filter((e) => e.targetType === "webhookSubscription" && e.targetId === String(subscriptionId))
          .map((e) => e.action),
      ).toEqual(["integration.webhookDeleted", "integration.webhookCreated"]);
    });
  });
});
