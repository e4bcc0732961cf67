import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, dialects } from "../../../test/databases";
import { appendAccessEvents, verifyAccessEventChain } from "../../access-events/access-event-chain";
import type { Store } from "../database";
import { migrateToLatest } from "../migrate";

const before = "2026-11-27-0007-visitor-grants";

function decisionEvent(eventId: string, occurredAt: string) {
  return {
    event_id: eventId,
    reader_id: 1,
    door_id: 1,
    occurred_at: occurredAt,
    received_at: occurredAt,
    kind: "decision",
    credential_key: "uid:0114a1b2c3d4e5f6",
    holder_id: "staff:1",
    granted: 0,
    reason: "outside_schedule",
    assurance: "tap",
    direction: "entry",
    live: 1,
  };
}

for (const dialect of dialects) {
  describe(`the agents migration over a log written before it [${dialect}]`, () => {
    let store: Store;

    beforeAll(async () => {
      store = await createTestStore(dialect, before);
      await store.db.transaction().execute(async (trx) => {
        await appendAccessEvents(trx, [
          decisionEvent("before-1", "2026-11-01T00:00:00.000Z"),
          { ...decisionEvent("before-2", "2026-11-01T00:00:05.000Z"), kind: "door_forced", granted: null },
        ]);
        await trx
          .insertInto("access_alarm")
          .values({
            kind: "forced_open",
            door_id: 1,
            reader_id: 1,
            raised_at: "2026-11-01T00:00:05.000Z",
            event_seq: 2,
          })
          .execute();
      });
      await migrateToLatest(store.db);
    });

    afterAll(async () => {
      await store.close();
    });

    it("keeps every event, the alarm pointing at it, and a chain that still verifies", async () => {
      const events = await store.db
        .selectFrom("access_event")
        .select(["seq", "event_id", "sequence"])
        .orderBy("seq")
        .execute();
      expect(events).toEqual([
        { seq: 1, event_id: "before-1", sequence: null },
        { seq: 2, event_id: "before-2", sequence: null },
      ]);
      const alarms = await store.db.selectFrom("access_alarm").select(["kind", "event_seq"]).execute();
      expect(alarms).toEqual([{ kind: "forced_open", event_seq: 2 }]);
      expect(await verifyAccessEventChain(store.db)).toMatchObject({ ok: true, count: 2 });
    });

    it("accepts punches and clock-skew events and alarms, and links them into the same chain", async () => {
      await store.db.transaction().execute(async (trx) => {
        const [punch, skew] = await appendAccessEvents(trx, [
          {
            ...decisionEvent("after-1", "2026-11-02T00:00:00.000Z"),
            kind: "punch",
            punch: "in",
            sequence: 1,
            granted: null,
            reason: null,
          },
          {
            ...decisionEvent("after-2", "2026-11-02T00:00:01.000Z"),
            kind: "clock_skew",
            granted: null,
            reason: null,
          },
        ]);
        expect(punch?.seq).toBe(3);
        await trx
          .insertInto("access_alarm")
          .values({
            kind: "clock_skew",
            door_id: 1,
            reader_id: 1,
            raised_at: "2026-11-02T00:00:01.000Z",
            event_seq: skew?.seq ?? 0,
          })
          .execute();
      });
      expect(await verifyAccessEventChain(store.db)).toMatchObject({ ok: true, count: 4 });
    });

    it("still refuses an alarm for an event that does not exist, and an unknown event kind", async () => {
      await expect(
        store.db
          .insertInto("access_alarm")
          .values({
            kind: "tamper",
            door_id: 1,
            reader_id: 1,
            raised_at: "2026-11-02T00:00:00.000Z",
            event_seq: 999,
          })
          .execute(),
      ).rejects.toThrow();
      await expect(
        store.db
          .transaction()
          .execute((trx) =>
            appendAccessEvents(trx, [
              { ...decisionEvent("after-3", "2026-11-02T00:00:02.000Z"), kind: "teleport" },
            ]),
          ),
      ).rejects.toThrow();
    });
  });
}
