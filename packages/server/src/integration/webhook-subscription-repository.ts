import type { Selectable } from "kysely";
import type { WebhookSubscriptionTable } from "../db/schema";
import type { Executor } from "../db/transaction";

export type WebhookSubscriptionRow = Selectable<WebhookSubscriptionTable>;

export interface NewWebhookSubscription {
  name: string;
  url: string;
  eventTypes: readonly string[];
  secret: string;
  active: boolean;
  createdBy: string;
}

export async function insertWebhookSubscription(
  db: Executor,
  subscription: NewWebhookSubscription,
  at: Date,
): Promise<WebhookSubscriptionRow> {
  return db
    .insertInto("webhook_subscription")
    .values({
      name: subscription.name,
      url: subscription.url,
      event_types: JSON.stringify(subscription.eventTypes),
      secret: subscription.secret,
      active: Number(subscription.active),
      created_by: subscription.createdBy,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Subscriptions not deleted, newest first. */
export async function listWebhookSubscriptionRows(db: Executor): Promise<WebhookSubscriptionRow[]> {
  return db
    .selectFrom("webhook_subscription")
    .selectAll()
    .where("deleted_at", "is", null)
    .orderBy("id", "desc")
    .execute();
}

export async function findWebhookSubscription(
  db: Executor,
  id: number,
): Promise<WebhookSubscriptionRow | undefined> {
  return db
    .selectFrom("webhook_subscription")
    .selectAll()
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

export interface WebhookSubscriptionChange {
  name?: string;
  url?: string;
  eventTypes?: readonly string[];
  active?: boolean;
}

export async function updateWebhookSubscription(
  db: Executor,
  id: number,
  change: WebhookSubscriptionChange,
  at: Date,
): Promise<void> {
  await db
    .updateTable("webhook_subscription")
    .set({
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.url === undefined ? {} : { url: change.url }),
      ...(change.eventTypes === undefined ? {} : { event_types: JSON.stringify(change.eventTypes) }),
      ...(change.active === undefined ? {} : { active: Number(change.active) }),
      updated_at: at.toISOString(),
    })
    .where("id", "=", id)
    .execute();
}

/** Deleted subscriptions stay as rows, because their deliveries refer to them. */
export async function markWebhookSubscriptionDeleted(db: Executor, id: number, at: Date): Promise<void> {
  await db
    .updateTable("webhook_subscription")
    .set({ deleted_at: at.toISOString(), active: 0, updated_at: at.toISOString() })
    .where("id", "=", id)
    .execute();
}

export function eventTypesOf(row: Pick<WebhookSubscriptionRow, "event_types">): string[] {
  const parsed: unknown = JSON.parse(row.event_types);
  return Array.isArray(parsed) ? parsed.filter((type) => typeof type === "string") : [];
}
