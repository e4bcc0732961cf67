import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  appendAccessEvents,
  type UnchainedAccessEvent,
  verifyAccessEventChain,
} from "../../src/access-events/access-event-chain";
import { appendAudit, verifyAuditLog } from "../../src/audit/audit-repository";
import type { ChainHead, ChainVerification } from "../../src/db/hash-chain";
import type { Executor } from "../../src/db/transaction";
import { buildApp } from "../../src/http/app";
import { type Call, issuesOf, okJson, signInWithRoles } from "../access-api";
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
  /** Appends `count` entries unlike the ones `fill` wrote. */
  appendOthers(db: Executor, at: Date, count: number): Promise<void>;
  verify(db: Executor, expectedHead?: ChainHead): Promise<ChainVerification>;
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
    async appendOthers(db, at, count) {
      for (let n = 1; n <= count; n++) {
        await appendAudit(
          db,
          { actor: "intruder", action: "door.updated", targetType: "door", targetId: n },
          at,
        );
      }
    },
    verify: (db, expectedHead) => verifyAuditLog(db, { pageSize: 3, expectedHead }),
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
    async appendOthers(db, _at, count) {
      await appendAccessEvents(
        db,
        Array.from({ length: count }, (_, i) => ({ ...accessEvent(i + 1), event_id: `other-${i + 1}` })),
      );
    },
    verify: (db, expectedHead) => verifyAccessEventChain(db, { pageSize: 3, expectedHead }),
  },
];

/** The entry an auditor would have noted as the head: read straight from the table. */
async function entryAt(db: Executor, table: Chain["table"], seq: number): Promise<ChainHead> {
  const { rows } = await sql<ChainHead>`select seq, hash from ${sql.table(table)} where seq = ${seq}`.execute(
    db,
  );
  const [row] = rows;
  if (row === undefined) throw new Error(`${table} has no seq ${seq}`);
  return { seq: Number(row.seq), hash: row.hash };
}

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

      it("verifies the untouched chain and reports its newest entry as the head", async () => {
        const { db } = context().deps;
        const head = await entryAt(db, chain.table, chainLength);
        expect(await chain.verify(db)).toEqual({ ok: true, count: chainLength, head });
        expect(await chain.verify(db, head)).toEqual({ ok: true, count: chainLength, head });
      });

      it("still passes with a head noted before later entries were appended", async () => {
        const { db, clock } = context().deps;
        const noted = await entryAt(db, chain.table, chainLength);
        await chain.appendOthers(db, clock.now(), 2);
        expect(await chain.verify(db, noted)).toMatchObject({ ok: true, head: { seq: chainLength + 2 } });
      });

      it.each([1, 3])(
        "says the chain ends before a noted head when the newest %i entries are cut off",
        async (cut) => {
          const { db } = context().deps;
          const noted = await entryAt(db, chain.table, chainLength);
          const kept = chainLength - cut;
          await sql`delete from ${sql.table(chain.table)} where seq > ${kept}`.execute(db);
          // Without an anchor the shorter chain still links up: the documented limit.
          expect(await chain.verify(db)).toMatchObject({ ok: true, count: kept, head: { seq: kept } });
          const result = await chain.verify(db, noted);
          expect(result).toMatchObject({
            ok: false,
            count: kept,
            brokenAt: kept + 1,
            reason: "head_missing",
          });
          expect(result.ok === false && result.message).toBe(
            `The chain ends at seq ${kept}, before the expected head at seq ${chainLength}: its newest entries were cut off`,
          );
        },
      );

      it("names a noted head whose entry was replaced after the end was cut off and rebuilt", async () => {
        const { db, clock } = context().deps;
        const noted = await entryAt(db, chain.table, chainLength);
        await sql`delete from ${sql.table(chain.table)} where seq > ${chainLength - 3}`.execute(db);
        await chain.appendOthers(db, clock.now(), 3);
        expect(await chain.verify(db)).toMatchObject({ ok: true, count: chainLength });
        const result = await chain.verify(db, noted);
        expect(result).toMatchObject({ ok: false, brokenAt: chainLength, reason: "head_mismatch" });
        expect(result.ok === false && result.message).toMatch(
          new RegExp(`^seq ${chainLength} has hash [0-9a-f]{64}, not the expected ${noted.hash}`),
        );
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

const verifyRoutes = [
  { url: "/api/audit/verify", table: "audit_log" },
  { url: "/api/access/events/verify", table: "access_event" },
] as const;

describeEachDatabase("verifying a chain through the API against a noted head", (context) => {
  let app: FastifyInstance;
  let auditor: Call;

  beforeAll(async () => {
    const { deps } = context();
    app = await buildApp(deps);
    auditor = await signInWithRoles(app, deps, "chain-auditor", ["auditor"]);
    const [audit, accessEvents] = chains;
    await audit?.fill(deps.db, deps.clock.now());
    await accessEvents?.fill(deps.db, deps.clock.now());
  });
  afterAll(() => app.close());

  for (const { url, table } of verifyRoutes) {
    it(`${url} reports the head, passes with it, and says the chain ends before it once the end is cut off`, async () => {
      const intact = okJson(await auditor("POST", url));
      expect(intact).toMatchObject({
        ok: true,
        brokenAt: null,
        reason: null,
        head: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
      const { head } = intact;
      expect(head).toEqual(await entryAt(context().deps.db, table, head.seq));
      expect(intact.message).toContain(`The newest is seq ${head.seq}, hash ${head.hash}.`);
      expect(okJson(await auditor("POST", url, { head }))).toMatchObject({ ok: true, head });

      await sql`delete from ${sql.table(table)} where seq > ${head.seq - 2}`.execute(context().deps.db);
      expect(okJson(await auditor("POST", url))).toMatchObject({ ok: true, head: { seq: head.seq - 2 } });
      expect(okJson(await auditor("POST", url, { head }))).toEqual({
        ok: false,
        count: head.seq - 2,
        brokenAt: head.seq - 1,
        reason: "head_missing",
        message: `The chain ends at seq ${head.seq - 2}, before the expected head at seq ${head.seq}: its newest entries were cut off`,
        head: null,
      });
    });

    it(`${url} refuses a head that is not a seq and a SHA-256, naming the field`, async () => {
      const response = await auditor("POST", url, { head: { seq: 0, hash: "ABC" } });
      expect(response.statusCode).toBe(400);
      expect(issuesOf(response).join("\n")).toMatch(
        /head\.seq: .*\n?.*head\.hash: must be 64 lowercase hex digits/s,
      );
    });
  }
});
