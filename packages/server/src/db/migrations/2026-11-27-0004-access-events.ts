import { type Kysely, sql } from "kysely";
import { autoId, dialectOf } from "../dialect";

// Reader events in one hash-chained, append-only log, and the alarms live events raise.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(dialectOf(db));

  await db.schema
    .createTable("access_event")
    .addColumn("seq", "bigint", (c) => c.primaryKey())
    .addColumn("event_id", "varchar(100)", (c) => c.notNull().unique())
    .addColumn("reader_id", "integer", (c) => c.notNull())
    .addColumn("door_id", "integer")
    .addColumn("occurred_at", "varchar(32)", (c) => c.notNull())
    .addColumn("received_at", "varchar(32)", (c) => c.notNull())
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("credential_key", "varchar(600)")
    .addColumn("holder_id", "varchar(40)")
    .addColumn("granted", "integer")
    .addColumn("reason", "varchar(32)")
    .addColumn("assurance", "varchar(16)")
    .addColumn("direction", "varchar(8)")
    .addColumn("live", "integer", (c) => c.notNull())
    .addColumn("prev_hash", "char(64)", (c) => c.notNull())
    .addColumn("hash", "char(64)", (c) => c.notNull())
    .addCheckConstraint(
      "access_event_kind",
      sql`kind in ('decision', 'door_forced', 'door_held', 'tamper', 'exit_button', 'reader_offline', 'reader_online')`,
    )
    .addCheckConstraint("access_event_direction", sql`direction is null or direction in ('entry', 'exit')`)
    .execute();
  // No foreign keys: the log outlives readers and doors that are later removed.
  await db.schema
    .createIndex("access_event_occurred")
    .on("access_event")
    .columns(["occurred_at", "seq"])
    .execute();
  await db.schema
    .createIndex("access_event_holder")
    .on("access_event")
    .columns(["holder_id", "seq"])
    .execute();
  await db.schema.createIndex("access_event_door").on("access_event").columns(["door_id", "seq"]).execute();
  await db.schema
    .createIndex("access_event_refusals")
    .on("access_event")
    .columns(["credential_key", "door_id", "occurred_at"])
    .execute();

  await db.schema
    .createTable("access_alarm")
    .addColumn("id", "integer", id)
    .addColumn("kind", "varchar(24)", (c) => c.notNull())
    .addColumn("door_id", "integer")
    .addColumn("reader_id", "integer", (c) => c.notNull())
    .addColumn("raised_at", "varchar(32)", (c) => c.notNull())
    .addColumn("event_seq", "bigint", (c) => c.notNull().references("access_event.seq"))
    .addColumn("acknowledged_by", "varchar(64)")
    .addColumn("acknowledged_at", "varchar(32)")
    .addColumn("comment", "varchar(500)")
    .addCheckConstraint(
      "access_alarm_kind",
      sql`kind in ('forced_open', 'held_open', 'repeated_refusals', 'tamper', 'reader_offline')`,
    )
    .execute();
  await db.schema
    .createIndex("access_alarm_open")
    .on("access_alarm")
    .columns(["acknowledged_at", "id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["access_alarm", "access_event"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
