import type { WebhookDeliveryDto } from "@tobira/protocol";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { findWebhookSubscription } from "./webhook-subscription-repository";

/** A subscription's latest deliveries, newest event first, with the outcome of the last attempt. */
export async function listWebhookDeliveries(
  { db }: Pick<Deps, "db">,
  subscriptionId: number,
  limit: number,
): Promise<WebhookDeliveryDto[]> {
  if (!(await findWebhookSubscription(db, subscriptionId)))
    throw notFound(`Webhook subscription ${subscriptionId}`);
  const rows = await db
    .selectFrom("webhook_delivery")
    .innerJoin("webhook_event", "webhook_event.id", "webhook_delivery.event_id")
    .select([
      "webhook_delivery.id",
      "webhook_delivery.event_id",
      "webhook_event.type",
      "webhook_event.occurred_at",
      "webhook_delivery.state",
      "webhook_delivery.attempts",
      "webhook_delivery.next_attempt_at",
      "webhook_delivery.last_attempt_at",
      "webhook_delivery.last_status",
      "webhook_delivery.last_error",
      "webhook_delivery.delivered_at",
    ])
    .where("webhook_delivery.subscription_id", "=", subscriptionId)
    .orderBy("webhook_delivery.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    eventType: row.type,
    occurredAt: row.occurred_at,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.state === "pending" ? row.next_attempt_at : null,
    lastAttemptAt: row.last_attempt_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
  }));
}
