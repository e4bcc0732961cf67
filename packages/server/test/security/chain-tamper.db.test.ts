import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import {
  appendAccessEvents,
  type UnchainedAccessEvent,
  verifyAccessEventChain,
} from "../../src/access-events/access-event-chain";
import { appendAudit, verifyAuditLog } from "../../src/audit/audit-repository";
import type { ChainVerification } from "../../src/db/hash-chain";
import type { Executor } from "../../src/db/transaction";
import { describeEachDatabase } from "../databases";

const chainLength = 8;

function accessEvent(n: number): UnchainedAccessEvent {
  return {
    event_id: `tamper-${n}`,
    reader_id: 1 + (n % 2),
    door_id: 10,
    occurred_at: `2026-04-01T00:00:${String(n).padStart(2, "0")}.000Z`,
    received_at: `2026-04-01T00:01:${String(n).padStart(2, "0")}.000Z`,
    kind: "decision",
    credential_key: `uid:0400${n}`,
    holder_id: String(100 + n),
    granted: n % 3 === 0 ? 0 : 1,
    reason: n % 3 === 0 ? "no_permission" : "granted",
    assurance: "tap",
    direction: "entry",
    live: 1,
    sequence: n,
  };
}

/** One hash-chained table, as the tampering cases see it. */
interface Chain {
  table: "audit_log" | "access_event";
  /** A column whose value the verifier covers, and a forged value for it. */
  forgery: { column: string; value: string };
  fill(db: Executor, at: Date): Promise<void>;
  verify(db: Executor): Promise<ChainVerification>;
}

const chains: Chain[] = [
  {
    table: "audit_log",
    forgery: { column: "actor", value: "someone-else" },
    async fill(db, at) {
      for (let n = 1; n <= chainLength; n++) {
        await appendAudit(
          db,
          { actor: "sec01", action: "door.updated", targetType: "door", targetId: n, details: { n } },
          at,
        );
      }
    },
    verify: (db) => verifyAuditLog(db, 3),
  },
  {
    table: "access_event",
    forgery: { column: "holder_id", value: "999" },
    async fill(db) {
      await appendAccessEvents(
        db,
        Array.from({ length: chainLength }, (_, i) => accessEvent(i + 1)),
      );
    },
    verify: (db) => verifyAccessEventChain(db, 3),
  },
];

// Table and column names come from the fixed list above, never from input.
function update(db: Executor, table: string, column: string, value: string, seq: number) {
  return sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value} where seq = ${seq}`.execute(db);
}

describeEachDatabase("tampering with a hash chain directly in the database", (context) => {
  for (const chain of chains) {
    describe(chain.table, () => {
      beforeEach(async () => {
        const { db, clock } = context().deps;
        if (chain.table === "access_event") await db.deleteFrom("access_alarm").execute();
        await db.deleteFrom(chain.table).execute();
        await chain.fill(db, clock.now());
      });

      it("verifies the untouched chain", async () => {
        expect(await chain.verify(context().deps.db)).toEqual({ ok: true, count: chainLength });
      });

      it(`reports seq 5 when one field (${chain.forgery.column}) of entry 5 is changed`, async () => {
        const { db } = context().deps;
        await update(db, chain.table, chain.forgery.column, chain.forgery.value, 5);
        expect(await chain.verify(db)).toMatchObject({
          ok: false,
          count: 4,
          brokenAt: 5,
          reason: "hash_mismatch",
        });
      });

      it("reports seq 4 when its timestamp moves by one millisecond", async () => {
        const { db } = context().deps;
        const column = chain.table === "audit_log" ? "at" : "received_at";
        const row = await sql<{
          at: string;
        }>`select ${sql.ref(column)} as at from ${sql.table(chain.table)} where seq = 4`.execute(db);
        const at = row.rows[0]?.at;
        if (at === undefined) throw new Error("entry 4 is missing");
        await update(db, chain.table, column, new Date(Date.parse(at) + 1).toISOString(), 4);
        expect(await chain.verify(db)).toMatchObject({ ok: false, brokenAt: 4, reason: "hash_mismatch" });
      });

      it("reports seq 3 when its content is changed and its hash overwritten", async () => {
        const { db } = context().deps;
        await update(db, chain.table, chain.forgery.column, chain.forgery.value, 3);
        await update(db, chain.table, "hash", "a".repeat(64), 3);
        expect(await chain.verify(db)).toMatchObject({ ok: false, brokenAt: 3 });
      });

      it("reports the entry after a deleted one in the middle", async () => {
        const { db } = context().deps;
        await sql`delete from ${sql.table(chain.table)} where seq = 4`.execute(db);
        expect(await chain.verify(db)).toMatchObject({
          ok: false,
          count: 3,
          brokenAt: 5,
          reason: "sequence_gap",
        });
      });

      it("reports the first of two swapped entries (seq numbers exchanged)", async () => {
        const { db } = context().deps;
        await sql`update ${sql.table(chain.table)} set seq = -6 where seq = 6`.execute(db);
        await sql`update ${sql.table(chain.table)} set seq = 6 where seq = 7`.execute(db);
        await sql`update ${sql.table(chain.table)} set seq = 7 where seq = -6`.execute(db);
        expect(await chain.verify(db)).toMatchObject({ ok: false, count: 5, brokenAt: 6 });
      });

      it("reports the earlier of two breaks", async () => {
        const { db } = context().deps;
        await sql`delete from ${sql.table(chain.table)} where seq = ${chainLength - 1}`.execute(db);
        await update(db, chain.table, chain.forgery.column, chain.forgery.value, 2);
        // Two breaks: the verifier names the first one.
        expect(await chain.verify(db)).toMatchObject({ ok: false, count: 1, brokenAt: 2 });
      });
    });
  }
});
