import { type Kysely, sql } from "kysely";
import { autoId, dialectOf } from "../dialect";

// お知らせ for one person each; mail copies of them wait in an outbox until the sender takes them (only
// when the town set up SMTP); the morning digest claims each date once, so several servers send it once.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(dialectOf(db));
  await db.schema
    .createTable("notification")
    .addColumn("id", "integer", id)
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("kind", "varchar(40)", (c) => c.notNull())
    .addColumn("title", "varchar(200)", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("link", "varchar(500)")
    .addColumn("request_id", "integer", (c) => c.references("request.id"))
    .addColumn("created_at", "varchar(32)", (c) => c.notNull())
    .addColumn("read_at", "varchar(32)")
    .execute();
  // A person's latest first, and their unread count.
  await db.schema.createIndex("notification_inbox").on("notification").columns(["staff_id", "id"]).execute();
  await db.schema
    .createIndex("notification_unread")
    .on("notification")
    .columns(["staff_id", "read_at"])
    .execute();

  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "integer", id)
    .addColumn("notification_id", "integer", (c) => c.notNull().references("notification.id"))
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("subject", "varchar(200)", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("state", "varchar(12)", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "varchar(32)", (c) => c.notNull())
    .addColumn("last_error", "varchar(500)")
    .addColumn("sent_at", "varchar(32)")
    .addColumn("created_at", "varchar(32)", (c) => c.notNull())
    .addCheckConstraint("mail_outbox_state", sql`state in ('pending', 'sent', 'skipped', 'failed')`)
    .execute();
  await db.schema
    .createIndex("mail_outbox_queue")
    .on("mail_outbox")
    .columns(["state", "next_attempt_at", "id"])
    .execute();

  await db.schema
    .createTable("digest_run")
    .addColumn("date", "varchar(10)", (c) => c.primaryKey())
    .addColumn("claimed_at", "varchar(32)", (c) => c.notNull())
    .addColumn("finished_at", "varchar(32)")
    .addColumn("notified", "integer")
    .addColumn("error", "varchar(500)")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("digest_run").execute();
  await db.schema.dropTable("mail_outbox").execute();
  await db.schema.dropTable("notification").execute();
}
