import { randomUUID } from "node:crypto";
import type { Executor } from "../db/transaction";
import { eventTypesOf } from "./webhook-subscription-repository";

export interface WebhookEventInput {
  type: string;
  /** JSON-serialisable; becomes the `data` of the delivered body. */
  payload: Record<string, unknown>;
  occurredAt: Date | string;
}

/**
 * Puts an event in the outbox with one delivery per active subscription to its type, in the caller's
 * transaction: the event goes out if and only if the change it reports is committed. Returns the
 * event's id, which every delivery and every retry carries. `onlySubscriptionId` sends it to that one
 * subscription whatever its event types (the "send a test event" button). An event nobody subscribes
 * to is not stored: the outbox holds only what someone is waiting for.
 */
export async function enqueueWebhookEvent(
  trx: Executor,
  event: WebhookEventInput,
  options: { onlySubscriptionId?: number } = {},
): Promise<string> {
  const id = randomUUID();
  const occurredAt = new Date(event.occurredAt).toISOString();
  let query = trx
    .selectFrom("webhook_subscription")
    .select(["id", "event_types"])
    .where("active", "=", 1)
    .where("deleted_at", "is", null);
  if (options.onlySubscriptionId !== undefined) query = query.where("id", "=", options.onlySubscriptionId);
  const subscriptions = await query.execute();
  const targets =
    options.onlySubscriptionId !== undefined
      ? subscriptions
      : subscriptions.filter((subscription) => eventTypesOf(subscription).includes(event.type));
  if (targets.length === 0) return id;
  await trx
    .insertInto("webhook_event")
    .values({
      id,
      type: event.type,
      occurred_at: occurredAt,
      payload: JSON.stringify(event.payload),
    })
    .execute();
  await trx
    .insertInto("webhook_delivery")
    .values(
      targets.map((subscription) => ({
        subscription_id: subscription.id,
        event_id: id,
        event_occurred_at: occurredAt,
        state: "pending" as const,
        // Due at once: an event that happened while a reader was offline is not held back further.
        next_attempt_at: occurredAt,
      })),
    )
    .execute();
  return id;
}

/** Whether any active subscription takes `type`; lets a large batch skip asking once per event. */
export async function hasWebhookSubscribers(trx: Executor, type: string): Promise<boolean> {
  const subscriptions = await trx
    .selectFrom("webhook_subscription")
    .select("event_types")
    .where("active", "=", 1)
    .where("deleted_at", "is", null)
    .execute();
  return subscriptions.some((subscription) => eventTypesOf(subscription).includes(type));
}
