import { type Kysely, sql } from "kysely";
import { autoId, dialectOf } from "../dialect";

// Other town systems (人事給与, 庶務事務) call the API with a token limited to scopes, and hear about
// events through signed webhooks. Only a token's SHA-256 is kept; a webhook's secret is kept as is,
// because it must sign every delivery. Events wait in an outbox until each subscriber has taken them.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(dialectOf(db));
  await db.schema
    .createTable("api_token")
    .addColumn("id", "integer", id)
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("secret_hash", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("expires_at", "varchar(32)")
    .addColumn("created_by", "varchar(64)", (c) => c.notNull())
    .addColumn("created_at", "varchar(32)", (c) => c.notNull())
    .addColumn("revoked_by", "varchar(64)")
    .addColumn("revoked_at", "varchar(32)")
    .addColumn("last_used_at", "varchar(32)")
    .execute();

  await db.schema
    .createTable("webhook_subscription")
    .addColumn("id", "integer", id)
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("url", "varchar(2000)", (c) => c.notNull())
    .addColumn("event_types", "text", (c) => c.notNull())
    .addColumn("secret", "varchar(100)", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("created_by", "varchar(64)", (c) => c.notNull())
    .addColumn("created_at", "varchar(32)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
    .addColumn("deleted_at", "varchar(32)")
    .execute();

  await db.schema
    .createTable("webhook_event")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("type", "varchar(40)", (c) => c.notNull())
    .addColumn("occurred_at", "varchar(32)", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("webhook_delivery")
    .addColumn("id", "integer", id)
    .addColumn("subscription_id", "integer", (c) => c.notNull().references("webhook_subscription.id"))
    .addColumn("event_id", "varchar(36)", (c) => c.notNull().references("webhook_event.id"))
    // Copied from the event so the worker orders a subscription's deliveries without a join.
    .addColumn("event_occurred_at", "varchar(32)", (c) => c.notNull())
    .addColumn("state", "varchar(12)", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "varchar(32)", (c) => c.notNull())
    .addColumn("last_attempt_at", "varchar(32)")
    .addColumn("last_status", "integer")
    .addColumn("last_error", "varchar(500)")
    .addColumn("delivered_at", "varchar(32)")
    .addUniqueConstraint("webhook_delivery_once", ["subscription_id", "event_id"])
    .addCheckConstraint("webhook_delivery_state", sql`state in ('pending', 'delivered', 'failed')`)
    .execute();
  // The worker takes, per subscription, the oldest pending delivery by event time.
  await db.schema
    .createIndex("webhook_delivery_queue")
    .on("webhook_delivery")
    .columns(["state", "subscription_id", "event_occurred_at", "id"])
    .execute();
  await db.schema
    .createIndex("webhook_delivery_log")
    .on("webhook_delivery")
    .columns(["subscription_id", "id"])
    .execute();

  await db.schema
    .createTable("webhook_attempt")
    .addColumn("id", "integer", id)
    .addColumn("delivery_id", "integer", (c) => c.notNull().references("webhook_delivery.id"))
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("attempted_at", "varchar(32)", (c) => c.notNull())
    .addColumn("status", "integer")
    .addColumn("error", "varchar(500)")
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("webhook_attempt_delivery")
    .on("webhook_attempt")
    .columns(["delivery_id", "attempt"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("webhook_attempt").execute();
  await db.schema.dropTable("webhook_delivery").execute();
  await db.schema.dropTable("webhook_event").execute();
  await db.schema.dropTable("webhook_subscription").execute();
  await db.schema.dropTable("api_token").execute();
}
