// Attendance month figures: every person's October 2026 computed from the stored taps, for a small town
// and for 40,000 staff, on SQLite and PostgreSQL, beside a plain read of the same taps in the same run.
import { performance } from "node:perf_hooks";
import { addDays, classifyDay, iterateLocalDates } from "@tobira/core";
import { sql } from "kysely";
import { appendAccessEvents, type UnchainedAccessEvent } from "../src/access-events/access-event-chain";
import { computeStaffMonths } from "../src/attendance/compute-staff-months";
import { findMonthRange, startOfTokyoDate } from "../src/attendance/month-dates";
import { planMonthTaps, type TapReaders } from "../src/attendance/plan-month-taps";
import { createSeededRandom } from "../src/attendance/seeded-random";
import type { Store } from "../src/db/database";
import type { DialectName } from "../src/db/dialect";
import { createTestStore } from "../test/test-store";
import { measure, peakRssMiB, printFigure } from "./measure";

const month = "2026-10";
// TOBIRA_BENCH_STAFF="300,2000" measures other sizes (seeding 40,000 takes minutes on each database).
const townSizes = (process.env.TOBIRA_BENCH_STAFF ?? "300,40000").split(",").map(Number);
const staffBatch = 1_000;
// People whose taps are planned, put in time order and appended together (about 88,000 events).
const tapChunk = 1_000;
const readPage = 50_000;

async function seedStaff(store: Store, count: number): Promise<number[]> {
  const department = await store.db
    .insertInto("department")
    .values({
      code: "110",
      name: "総務課",
      kind: "section",
      parent_id: null,
      valid_from: "2019-04-01",
      valid_to: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const at = "2026-04-01T00:00:00.000Z";
  const ids: number[] = [];
  for (let start = 0; start < count; start += staffBatch) {
    const rows = Array.from({ length: Math.min(staffBatch, count - start) }, (_, i) => ({
      staff_number: String(100_000 + start + i),
      family_name: "山田",
      given_name: `太郎${(start + i) % 97}`,
      family_name_kana: "ヤマダ",
      given_name_kana: "タロウ",
      employment_type: "regular",
      start_date: "2020-04-01",
      end_date: null,
      email: null,
      phone: null,
      created_at: at,
      updated_at: at,
    }));
    const inserted = await store.db.insertInto("staff").values(rows).returning("id").execute();
    await store.db
      .insertInto("staff_assignment")
      .values(
        inserted.map(({ id }) => ({
          staff_id: id,
          department_id: department.id,
          position_id: null,
          valid_from: "2020-04-01",
          valid_to: null,
          note: null,
        })),
      )
      .execute();
    ids.push(...inserted.map(({ id }) => id));
  }
  return ids;
}

async function seedReaders(store: Store): Promise<TapReaders> {
  const area = await store.db
    .insertInto("access_area")
    .values({ name: "庁舎", parent_id: null, anti_passback: 0, two_person_rule: 0 })
    .returning("id")
    .executeTakeFirstOrThrow();
  const door = await store.db
    .insertInto("access_door")
    .values({
      name: "正面玄関",
      from_area_id: area.id,
      to_area_id: area.id,
      default_mode: "locked",
      exit_button: 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const reader = (name: string, kind: string, doorId: number | null, side: string | null) =>
    store.db
      .insertInto("access_reader")
      .values({ name, kind, door_id: doorId, side })
      .returning("id")
      .executeTakeFirstOrThrow();
  const entry = await reader("正面玄関 入口", "door", door.id, "entry");
  const exit = await reader("正面玄関 出口", "door", door.id, "exit");
  const terminal = await reader("1F 出退勤端末", "attendance", null, null);
  return {
    terminalReaderId: terminal.id,
    entry: { readerId: entry.id, doorId: door.id, side: "entry" },
    exit: { readerId: exit.id, doorId: door.id, side: "exit" },
  };
}

/**
 * The access log's secondary indexes as the migrations made them, dropped for a bulk load and made again
 * afterwards (as a restore would), so a 3.5-million-row seed takes minutes rather than a quarter hour. The
 * indexes behind the primary key and the unique event id stay.
 */
async function dropEventIndexes(store: Store): Promise<() => Promise<void>> {
  const indexes =
    store.dialect === "sqlite"
      ? (
          await sql<{ name: string; definition: string }>`
            select name, sql as definition from sqlite_master
            where type = 'index' and tbl_name = 'access_event' and sql is not null`.execute(store.db)
        ).rows
      : (
          await sql<{ name: string; definition: string }>`
            select indexname as name, indexdef as definition from pg_indexes
            where tablename = 'access_event'
              and not exists (select 1 from pg_constraint where conname = indexname)`.execute(store.db)
        ).rows;
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(store.db);
  return async () => {
    for (const index of indexes) await sql.raw(index.definition).execute(store.db);
    // A live PostgreSQL has autovacuum's statistics by the time anyone computes a month.
    if (store.dialect === "postgres") await sql`analyze access_event`.execute(store.db);
  };
}

/** Everyone's month of taps, appended through the chain a chunk of people at a time, in time order. */
async function seedTaps(store: Store, staffIds: readonly number[], readers: TapReaders): Promise<number> {
  const { first, last } = findMonthRange(month);
  const holidays = [...iterateLocalDates(first, last)].filter((date) => classifyDay(date).kind === "holiday");
  let count = 0;
  for (let start = 0; start < staffIds.length; start += tapChunk) {
    const events: UnchainedAccessEvent[] = [];
    for (const staffId of staffIds.slice(start, start + tapChunk)) {
      events.push(
        ...planMonthTaps({
          staffId,
          month,
          skipDates: holidays,
          readers,
          random: createSeededRandom(staffId * 7_919),
          lateEveningShare: 0.1,
          ...(staffId % 50 === 0 ? { missingClockOutOn: "2026-10-14" } : {}),
        }),
      );
    }
    events.sort((a, b) => (a.received_at < b.received_at ? -1 : a.received_at > b.received_at ? 1 : 0));
    await store.db.transaction().execute((trx) => appendAccessEvents(trx, events));
    count += events.length;
  }
  return count;
}

/** Baseline: the month's punch and door rows for everyone, the columns the month reads, merely iterated. */
async function readMonthTaps(store: Store): Promise<number> {
  const { first, last } = findMonthRange(month);
  // The same range the month reads: a night shift's taps around the month belong to it.
  const from = startOfTokyoDate(addDays(first, -1)).toISOString();
  const to = startOfTokyoDate(addDays(last, 3)).toISOString();
  const query = store.db
    .selectFrom("access_event")
    .select(["holder_id", "event_id", "occurred_at", "kind", "punch", "replaces_event_id", "granted"])
    .where("occurred_at", ">=", from)
    .where("occurred_at", "<", to)
    .where((eb) =>
      eb.or([eb("kind", "=", "punch"), eb.and([eb("kind", "=", "decision"), eb("granted", "=", 1)])]),
    );
  let rows = 0;
  if (store.dialect === "sqlite") {
    // One statement stepped through row by row, never holding them all.
    for await (const row of query.stream()) if (row.holder_id !== null) rows += 1;
    return rows;
  }
  // node-postgres streams only through pg-cursor, which is no dependency here: pages along the key instead.
  let after = 0;
  for (;;) {
    const page = await query.select("seq").where("seq", ">", after).orderBy("seq").limit(readPage).execute();
    for (const row of page) if (row.holder_id !== null) rows += 1;
    const lastRow = page.at(-1);
    if (!lastRow || page.length < readPage) return rows;
    after = lastRow.seq;
  }
}

async function benchTown(dialect: DialectName, staffCount: number): Promise<void> {
  const store = await createTestStore(dialect);
  const label = `attendance [${dialect}, ${staffCount} staff]`;
  try {
    let start = performance.now();
    const staffIds = await seedStaff(store, staffCount);
    const readers = await seedReaders(store);
    const staffSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    const restoreIndexes = await dropEventIndexes(store);
    const events = await seedTaps(store, staffIds, readers);
    await restoreIndexes();
    const tapSeconds = (performance.now() - start) / 1000;

    let problems = 0;
    const computed = await measure(async () => {
      let people = 0;
      await computeStaffMonths({ db: store.db }, staffIds, month, (staffMonth) => {
        people += 1;
        for (const day of staffMonth.days) problems += day.problems.length;
      });
      return people;
    });
    if (computed.result !== staffCount)
      throw new Error(`computed ${computed.result} of ${staffCount} months`);
    const read = await measure(() => readMonthTaps(store));

    printFigure(`${label}: seed staff`, staffSeconds, "s");
    printFigure(`${label}: seed ${events} taps through the chain, indexes rebuilt`, tapSeconds, "s");
    printFigure(`${label}: seed throughput`, events / tapSeconds, "events/s", 0);
    printFigure(`${label}: computeStaffMonths`, computed.seconds, "s");
    printFigure(`${label}: computeStaffMonths throughput`, staffCount / computed.seconds, "staff/s", 0);
    printFigure(`${label}: computeStaffMonths peak heap`, computed.peakHeapMiB, "MiB", 1);
    printFigure(`${label}: problems found (days)`, problems, "", 0);
    printFigure(`${label}: read the month's ${read.result} taps (baseline)`, read.seconds, "s");
    printFigure(`${label}: compute ÷ read`, computed.seconds / read.seconds, "×");
    printFigure(`${label}: process peak resident memory so far`, peakRssMiB(), "MiB", 1);
  } finally {
    await store.close();
  }
}

for (const dialect of ["sqlite", "postgres"] as const) {
  for (const staffCount of townSizes) await benchTown(dialect, staffCount);
}
