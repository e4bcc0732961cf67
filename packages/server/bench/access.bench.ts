// Event ingestion throughput on SQLite and PostgreSQL: the real path (validation, duplicate check,
// hash chain, live/late, alarms) beside a plain batched insert of the same rows in the same run.
import { performance } from "node:perf_hooks";
import type { AccessEventInput } from "@tobira/protocol";
import { ingestAccessEvents } from "../src/access-events/ingest-access-events";
import { fixedClock } from "../src/clock";
import type { Store } from "../src/db/database";
import type { DialectName } from "../src/db/dialect";
import { createTestStore } from "../test/test-store";
import { printFigure } from "./measure";

const events = 20_000;
const batch = 500;

function makeEvents(from: number, count: number, at: string): AccessEventInput[] {
  return Array.from({ length: count }, (_, i) => ({
    eventId: `reader1-${from + i}`,
    occurredAt: at,
    kind: "decision" as const,
    credentialKey: `jpki:C=JP, O=JPKI#${(0x10000000 + ((from + i) % 40_000)).toString(16)}`,
    holderId: `staff:${(from + i) % 40_000}`,
    granted: (from + i) % 10 !== 0,
    reason: (from + i) % 10 === 0 ? "outside_schedule" : "granted",
    assurance: "tap" as const,
  }));
}

async function seedReader(store: Store): Promise<number> {
  const area = await store.db
    .insertInto("access_area")
    .values({ name: "庁舎", parent_id: null, anti_passback: 0, two_person_rule: 0 })
    .returning("id")
    .executeTakeFirstOrThrow();
  const door = await store.db
    .insertInto("access_door")
    .values({
      name: "通用口",
      from_area_id: area.id,
      to_area_id: area.id,
      default_mode: "locked",
      exit_button: 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const reader = await store.db
    .insertInto("access_reader")
    .values({ name: "通用口 入", kind: "door", door_id: door.id, side: "entry" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return reader.id;
}

async function benchDialect(dialect: DialectName): Promise<void> {
  const store = await createTestStore(dialect);
  try {
    const readerId = await seedReader(store);
    const clock = fixedClock("2026-11-27T00:00:05.000Z");
    const at = "2026-11-27T00:00:00.000Z";

    let start = performance.now();
    for (let from = 0; from < events; from += batch) {
      await ingestAccessEvents({ db: store.db, clock }, readerId, makeEvents(from, batch, at));
    }
    const ingestSeconds = (performance.now() - start) / 1000;

    // Baseline: the very rows ingestion stored (hashes included), batched the same way, inserted again
    // into the emptied table: the cost of the database alone.
    const rows = await store.db.selectFrom("access_event").selectAll().orderBy("seq").execute();
    await store.db.deleteFrom("access_event").execute();
    start = performance.now();
    for (let i = 0; i < rows.length; i += batch) {
      await store.db.transaction().execute(async (trx) => {
        await trx
          .insertInto("access_event")
          .values(rows.slice(i, i + batch))
          .execute();
      });
    }
    const plainSeconds = (performance.now() - start) / 1000;

    const again = performance.now();
    const duplicate = await ingestAccessEvents({ db: store.db, clock }, readerId, makeEvents(0, batch, at));
    const duplicateMs = performance.now() - again;
    if (duplicate.accepted.length !== 0) throw new Error("a re-sent batch was stored again");

    printFigure(`ingestion [${dialect}]: ${events} events in batches of ${batch}`, ingestSeconds, "s");
    printFigure(`ingestion [${dialect}]: throughput`, events / ingestSeconds, "events/s", 0);
    printFigure(
      `ingestion [${dialect}]: plain batched insert (baseline)`,
      events / plainSeconds,
      "rows/s",
      0,
    );
    printFigure(`ingestion [${dialect}]: ingestion ÷ baseline time`, ingestSeconds / plainSeconds, "×");
    printFigure(`ingestion [${dialect}]: a re-sent batch of ${batch} (all duplicates)`, duplicateMs, "ms", 1);
  } finally {
    await store.close();
  }
}

await benchDialect("sqlite");
await benchDialect("postgres");
