import { Writable } from "node:stream";
import pino from "pino";
import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { appendAccessEvents } from "../access-events/access-event-chain";
import { appendAudit } from "./audit-repository";
import { createChainHeadWitness } from "./log-chain-heads";

/** A real pino logger whose JSON lines are kept for the test to read. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: "info" }, stream), lines };
}

const headLines = (lines: Record<string, unknown>[]) =>
  lines
    .filter((line) => line.msg === "hash chain head")
    .map(({ chain, seq, hash }) => ({ chain, seq, hash }));

describeEachDatabase("the chain heads written to the server log", (context) => {
  beforeEach(async () => {
    const { db } = context().deps;
    await db.deleteFrom("access_alarm").execute();
    await db.deleteFrom("access_event").execute();
    await db.deleteFrom("audit_log").execute();
  });

  it("logs one line per chain with its newest seq and hash, and nothing else about the entries", async () => {
    const { deps } = context();
    deps.clock.set("2026-11-27T00:00:00Z");
    for (const targetId of [1, 2, 3]) {
      await appendAudit(
        deps.db,
        { actor: "sec01", action: "door.updated", targetType: "door", targetId, details: { name: "書庫" } },
        deps.clock.now(),
      );
    }
    const [event] = await appendAccessEvents(deps.db, [
      {
        event_id: "witness-1",
        reader_id: 1,
        door_id: 10,
        occurred_at: "2026-11-27T00:00:00.000Z",
        received_at: "2026-11-27T00:00:01.000Z",
        kind: "decision",
        credential_key: "uid:04AA01",
        holder_id: "staff:77",
        granted: 1,
        reason: "granted",
        assurance: "tap",
        direction: "entry",
        live: 1,
      },
    ]);
    const audit = await deps.db
      .selectFrom("audit_log")
      .select(["seq", "hash"])
      .where("seq", "=", 3)
      .executeTakeFirst();
    const { log, lines } = capturedLog();

    expect(await createChainHeadWitness(deps, log).logIfDue()).toBe(true);
    expect(headLines(lines)).toEqual([
      { chain: "audit", seq: 3, hash: audit?.hash },
      { chain: "accessEvents", seq: 1, hash: event?.hash },
    ]);
    const text = JSON.stringify(lines);
    for (const detail of ["sec01", "書庫", "uid:04AA01", "staff:77"]) expect(text).not.toContain(detail);
  });

  it("logs at start-up and then once a day in Asia/Tokyo, with the time passed in through the clock", async () => {
    const { deps } = context();
    const { log, lines } = capturedLog();
    const witness = createChainHeadWitness(deps, log);
    // 2026-11-27 09:00 in Tokyo: the server starts.
    deps.clock.set("2026-11-27T00:00:00Z");
    expect(await witness.logIfDue()).toBe(true);
    expect(headLines(lines)).toEqual([
      { chain: "audit", seq: 0, hash: null },
      { chain: "accessEvents", seq: 0, hash: null },
    ]);
    deps.clock.set("2026-11-27T14:59:00Z");
    expect(await witness.logIfDue()).toBe(false);
    await appendAudit(
      deps.db,
      { actor: "sec01", action: "door.updated", targetType: "door", targetId: 1 },
      deps.clock.now(),
    );
    // Midnight in Tokyo starts the next day's line.
    deps.clock.set("2026-11-27T15:00:00Z");
    expect(await witness.logIfDue()).toBe(true);
    expect(await witness.logIfDue()).toBe(false);
    expect(headLines(lines).map(({ chain, seq }) => `${chain} ${seq}`)).toEqual([
      "audit 0",
      "accessEvents 0",
      "audit 1",
      "accessEvents 0",
    ]);
  });
});
