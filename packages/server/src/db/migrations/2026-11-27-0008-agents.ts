import { type Kysely, sql } from "kysely";
import { autoId, dialectOf } from "../dialect";

const oldEventKinds = `'decision', 'door_forced', 'door_held', 'tamper', 'exit_button', 'reader_offline', 'reader_online'`;
const newEventKinds = `${oldEventKinds}, 'punch', 'clock_skew'`;
const oldAlarmKinds = `'forced_open', 'held_open', 'repeated_refusals', 'tamper', 'reader_offline'`;
const newAlarmKinds = `${oldAlarmKinds}, 'clock_skew'`;

/**
 * SQLite cannot alter a check constraint: the table is rebuilt from its own stored definition with the
 * constraint text replaced (SQLite's documented twelve-step procedure), keeping every row and index.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types.
async function rewriteSqliteCheck(db: Kysely<any>, table: string, from: string, to: string): Promise<void> {
  const found = await sql<{
    sql: string;
  }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  const definition = found.rows[0]?.sql;
  if (definition === undefined || !definition.includes(from))
    throw new Error(`${table}: the check constraint to widen was not found`);
  const indexes = await sql<{
    sql: string;
  }>`select sql from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(
    db,
  );
  const next = `${table}_next`;
  const created = definition
    .replace(from, to)
    .replace(/^CREATE TABLE\s+("?)[A-Za-z_]+\1/i, `create table "${next}"`);
  await sql.raw(created).execute(db);
  await sql.raw(`insert into "${next}" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${next}" rename to "${table}"`).execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see rewriteSqliteCheck().
async function widenChecks(db: Kysely<any>, widen: boolean): Promise<void> {
  const [eventFrom, eventTo] = widen ? [oldEventKinds, newEventKinds] : [newEventKinds, oldEventKinds];
  const [alarmFrom, alarmTo] = widen ? [oldAlarmKinds, newAlarmKinds] : [newAlarmKinds, oldAlarmKinds];
  if (dialectOf(db) === "postgres") {
    await sql.raw(`alter table access_event drop constraint access_event_kind`).execute(db);
    await sql
      .raw(`alter table access_event add constraint access_event_kind check (kind in (${eventTo}))`)
      .execute(db);
    await sql.raw(`alter table access_alarm drop constraint access_alarm_kind`).execute(db);
    await sql
      .raw(`alter table access_alarm add constraint access_alarm_kind check (kind in (${alarmTo}))`)
      .execute(db);
    return;
  }
  // Foreign keys off while access_event is swapped, so access_alarm's references survive the rename.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await rewriteSqliteCheck(db, "access_event", eventFrom, eventTo);
    await rewriteSqliteCheck(db, "access_alarm", alarmFrom, alarmTo);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error("access_alarm refers to events that are gone");
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

// Reader agents (each with its own Ed25519 key, approved by an administrator), the reader's own
// sequence number and punches on events, and how long a door's lock is released.
// biome-ignore lint/suspicious/noExplicitAny: see rewriteSqliteCheck().
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(dialectOf(db));
  await db.schema
    .alterTable("access_door")
    .addColumn("unlock_seconds", "integer", (c) => c.notNull().defaultTo(5))
    .execute();

  await db.schema
    .createTable("agent")
    .addColumn("id", "integer", id)
    .addColumn("public_key", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("fingerprint", "varchar(64)", (c) => c.notNull())
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("role", "varchar(16)", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("reader_id", "integer", (c) => c.references("access_reader.id"))
    .addColumn("requested_at", "varchar(32)", (c) => c.notNull())
    .addColumn("decided_by", "varchar(64)")
    .addColumn("decided_at", "varchar(32)")
    .addColumn("software_version", "varchar(40)")
    .addColumn("snapshot_version", "bigint")
    .addColumn("clock_skew_ms", "integer")
    .addColumn("last_seen_at", "varchar(32)")
    .addCheckConstraint("agent_role", sql`role in ('door', 'attendance', 'enrolment')`)
    .addCheckConstraint("agent_status", sql`status in ('pending', 'approved', 'revoked')`)
    .execute();
  await db.schema.createIndex("agent_reader").on("agent").columns(["reader_id", "status"]).execute();

  await widenChecks(db, true);
  await db.schema.alterTable("access_event").addColumn("sequence", "bigint").execute();
  await db.schema.alterTable("access_event").addColumn("punch", "varchar(8)").execute();
  await db.schema.alterTable("access_event").addColumn("replaces_event_id", "varchar(100)").execute();
  await db.schema
    .createIndex("access_event_reader_sequence")
    .on("access_event")
    .columns(["reader_id", "sequence"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see rewriteSqliteCheck().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("access_event_reader_sequence").execute();
  for (const column of ["replaces_event_id", "punch", "sequence"]) {
    await db.schema.alterTable("access_event").dropColumn(column).execute();
  }
  await db.deleteFrom("access_alarm").where("kind", "=", "clock_skew").execute();
  await widenChecks(db, false);
  await db.schema.dropTable("agent").execute();
  await db.schema.alterTable("access_door").dropColumn("unlock_seconds").execute();
}
