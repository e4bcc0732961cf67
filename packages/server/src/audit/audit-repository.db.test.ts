import { sql } from "kysely";
import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { appendAudit, readAuditHead, verifyAuditLog } from "./audit-repository";

describeEachDatabase("audit chain", (context) => {
  beforeEach(async () => {
    const { db, clock } = context().deps;
    await db.deleteFrom("audit_log").execute();
    for (let i = 1; i <= 5; i++) {
      await appendAudit(
        db,
        {
          actor: "hr01",
          action: "staff.updated",
          targetType: "staff",
          targetId: `1000${i}`,
          details: { fields: ["phone"], n: i },
        },
        clock.now(),
      );
    }
  });

  it("verifies an untouched chain, counts its entries and reports its newest as the head", async () => {
    const { db } = context().deps;
    const newest = await db
      .selectFrom("audit_log")
      .select(["seq", "hash"])
      .where("seq", "=", 5)
      .executeTakeFirst();
    expect(newest).toBeDefined();
    expect(await verifyAuditLog(db)).toEqual({ ok: true, count: 5, head: newest });
    expect(await readAuditHead(db)).toEqual(newest);
  });

  it("verifies a chain longer than one page", async () => {
    expect(await verifyAuditLog(context().deps.db, { pageSize: 2 })).toMatchObject({
      ok: true,
      count: 5,
      head: { seq: 5 },
    });
  });

  it("accepts an earlier head that is still in the chain", async () => {
    const { db } = context().deps;
    const third = await db
      .selectFrom("audit_log")
      .select(["seq", "hash"])
      .where("seq", "=", 3)
      .executeTakeFirst();
    expect(await verifyAuditLog(db, { expectedHead: third, pageSize: 2 })).toMatchObject({
      ok: true,
      count: 5,
    });
  });

  it("has no head while empty, and fails against a head when empty", async () => {
    const { db } = context().deps;
    await db.deleteFrom("audit_log").execute();
    expect(await verifyAuditLog(db)).toEqual({ ok: true, count: 0, head: null });
    expect(await readAuditHead(db)).toBeNull();
    expect(await verifyAuditLog(db, { expectedHead: { seq: 1, hash: "a".repeat(64) } })).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: "head_missing",
      message: expect.stringMatching(/^The chain is empty, before the expected head at seq 1/),
    });
  });

  it("finds an entry whose details were changed", async () => {
    const { db } = context().deps;
    await db
      .updateTable("audit_log")
      .set({ details: JSON.stringify({ fields: ["salary"], n: 3 }) })
      .where("seq", "=", 3)
      .execute();
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it("finds an entry whose actor was changed even when its hash was recomputed by hand", async () => {
    const { db } = context().deps;
    await db
      .updateTable("audit_log")
      .set({ actor: "someone-else", hash: "f".repeat(64) })
      .where("seq", "=", 2)
      .execute();
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it("finds a removed entry", async () => {
    const { db } = context().deps;
    await db.deleteFrom("audit_log").where("seq", "=", 4).execute();
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it("finds a removed first entry", async () => {
    const { db } = context().deps;
    await db.deleteFrom("audit_log").where("seq", "=", 1).execute();
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it("finds two entries swapped", async () => {
    const { db } = context().deps;
    await sql`update audit_log set seq = -2 where seq = 2`.execute(db);
    await sql`update audit_log set seq = 2 where seq = 3`.execute(db);
    await sql`update audit_log set seq = 3 where seq = -2`.execute(db);
    const result = await verifyAuditLog(db);
    expect(result).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it("chains appends from concurrent transactions without a gap or a fork", async () => {
    const { db, clock } = context().deps;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db
          .transaction()
          .execute((trx) =>
            appendAudit(
              trx,
              { actor: "hr01", action: "staff.created", targetType: "staff", targetId: `2000${i}` },
              clock.now(),
            ),
          ),
      ),
    );
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, count: 15, head: { seq: 15 } });
  });
});
