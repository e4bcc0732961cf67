import type {
  WebhookSubscriptionCreated,
  WebhookSubscriptionDto,
  WebhookSubscriptionInput,
  WebhookSubscriptionUpdate,
} from "@tobira/protocol";
import { webhookTestEventType } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { enqueueWebhookEvent } from "./enqueue-webhook-event";
import { generateWebhookSecret } from "./webhook-signature";
import {
  eventTypesOf,
  findWebhookSubscription,
  insertWebhookSubscription,
  listWebhookSubscriptionRows,
  markWebhookSubscriptionDeleted,
  updateWebhookSubscription,
  type WebhookSubscriptionRow,
} from "./webhook-subscription-repository";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

/** Subscribes a URL; the signing secret is returned this once and never audited or logged. */
export async function createWebhookSubscription(
  deps: UseCaseDeps,
  actor: string,
  input: WebhookSubscriptionInput,
): Promise<WebhookSubscriptionCreated> {
  const now = deps.clock.now();
  const secret = generateWebhookSecret();
  const row = await deps.db.transaction().execute(async (trx) => {
    const inserted = await insertWebhookSubscription(trx, { ...input, secret, createdBy: actor }, now);
    await appendAudit(
      trx,
      {
        actor,
        action: "integration.webhookCreated",
        targetType: "webhookSubscription",
        targetId: inserted.id,
        details: { name: input.name, url: input.url, eventTypes: input.eventTypes, active: input.active },
      },
      now,
    );
    return inserted;
  });
  return { subscription: presentWebhookSubscription(row), secret };
}

export async function listWebhookSubscriptions(deps: UseCaseDeps): Promise<WebhookSubscriptionDto[]> {
  return (await listWebhookSubscriptionRows(deps.db)).map(presentWebhookSubscription);
}

export async function changeWebhookSubscription(
  deps: UseCaseDeps,
  actor: string,
  id: number,
  change: WebhookSubscriptionUpdate,
): Promise<WebhookSubscriptionDto> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await findWebhookSubscription(trx, id))) throw notFound(`Webhook subscription ${id}`);
    await updateWebhookSubscription(trx, id, change, now);
    await appendAudit(
      trx,
      {
        actor,
        action: "integration.webhookChanged",
        targetType: "webhookSubscription",
        targetId: id,
        details: { ...change },
      },
      now,
    );
    const after = await findWebhookSubscription(trx, id);
    if (!after) throw notFound(`Webhook subscription ${id}`);
    return presentWebhookSubscription(after);
  });
}

/** Removes a subscription; deliveries still waiting for it are given up. */
export async function deleteWebhookSubscription(deps: UseCaseDeps, actor: string, id: number): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const subscription = await findWebhookSubscription(trx, id);
    if (!subscription) throw notFound(`Webhook subscription ${id}`);
    await markWebhookSubscriptionDeleted(trx, id, now);
    await trx
      .updateTable("webhook_delivery")
      .set({ state: "failed", last_error: "the subscription was deleted" })
      .where("subscription_id", "=", id)
      .where("state", "=", "pending")
      .execute();
    await appendAudit(
      trx,
      {
        actor,
        action: "integration.webhookDeleted",
        targetType: "webhookSubscription",
        targetId: id,
        details: { name: subscription.name, url: subscription.url },
      },
      now,
    );
  });
}

/** Queues a "webhook.test" event for one active subscription and returns the event's id. */
export async function sendTestWebhookEvent(deps: UseCaseDeps, actor: string, id: number): Promise<string> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const subscription = await findWebhookSubscription(trx, id);
    if (!subscription) throw notFound(`Webhook subscription ${id}`);
    if (subscription.active !== 1) {
      throw new AppError(
        "conflict",
        "The subscription is paused; make it active before sending a test event",
      );
    }
    return enqueueWebhookEvent(
      trx,
      {
        type: webhookTestEventType,
        payload: { message: "Tobira test event / 扉 テスト送信", requestedBy: actor },
        occurredAt: now,
      },
      { onlySubscriptionId: id },
    );
  });
}

function presentWebhookSubscription(row: WebhookSubscriptionRow): WebhookSubscriptionDto {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    eventTypes: eventTypesOf(row),
    active: row.active === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
