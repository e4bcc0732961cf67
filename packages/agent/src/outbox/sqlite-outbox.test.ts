import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { NewAgentEvent, Outbox } from "./outbox";
import { openSqliteOutbox, outboxFileName } from "./sqlite-outbox";

const directories: string[] = [];
const outboxes: Outbox[] = [];

function makeTempDir(): string {
  const directory = mkdtempSync(join(tmpdir(), "tobira-outbox-"));
  directories.push(directory);
  return directory;
}

function openAt(dataDir: string, instant: string): Outbox {
  const outbox = openSqliteOutbox(dataDir, () => new Date(instant));
  outboxes.push(outbox);
  return outbox;
}

afterEach(() => {
  for (const outbox of outboxes.splice(0)) outbox.close();
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function decision(occurredAt: string, credentialKey: string): NewAgentEvent {
  return { occurredAt, kind: "decision", credentialKey, granted: true, reason: "granted", assurance: "tap" };
}

function punch(occurredAt: string, credentialKey: string, value: "in" | "out"): NewAgentEvent {
  return { occurredAt, kind: "punch", credentialKey, punch: value };
}

describe("openSqliteOutbox", () => {
  it("keeps appended events across a close and reopen, in sequence order", () => {
    const dataDir = makeTempDir();
    const first = openAt(dataDir, "2026-09-22T00:00:00Z");
    const a = first.append(decision("2026-09-22T08:30:00+09:00", "staffCard:1"));
    const b = first.append(decision("2026-09-22T08:31:00+09:00", "staffCard:2"));
    first.close();

    const reopened = openAt(dataDir, "2026-09-22T00:05:00Z");
    expect(reopened.pending(10)).toEqual([a, b]);
    expect(reopened.length()).toBe(2);
    expect(a.sequence).toBeLessThan(b.sequence);
  });

  it("continues the sequence after reopening and never reuses one, even after delivery", () => {
    const dataDir = makeTempDir();
    const first = openAt(dataDir, "2026-09-22T00:00:00Z");
    const a = first.append(decision("2026-09-22T08:30:00+09:00", "staffCard:1"));
    first.acknowledge([a.eventId]);
    first.close();

    // Delivered long ago: pruned at open, yet its sequence number stays taken.
    const later = openAt(dataDir, "2026-10-22T00:00:00Z");
    const b = later.append(decision("2026-10-22T08:30:00+09:00", "staffCard:1"));
    expect(b.sequence).toBe(a.sequence + 1);
    expect(later.pending(10)).toEqual([b]);
  });

  it("leaves acknowledged events out of pending, and the rest in order", () => {
    const outbox = openAt(makeTempDir(), "2026-09-22T00:00:00Z");
    const events = [1, 2, 3, 4].map((minute) =>
      outbox.append(decision(`2026-09-22T08:0${minute}:00+09:00`, `staffCard:${minute}`)),
    );
    outbox.acknowledge([events[0]?.eventId ?? "", events[2]?.eventId ?? ""]);

    expect(outbox.pending(10).map((event) => event.sequence)).toEqual([
      events[1]?.sequence,
      events[3]?.sequence,
    ]);
    expect(outbox.pending(1)).toEqual([events[1]]);
    expect(outbox.length()).toBe(2);
  });

  it("finds the pending events appended after a sequence number, and knows the newest one, even after pruning", () => {
    const dataDir = makeTempDir();
    const first = openAt(dataDir, "2026-09-22T00:00:00Z");
    expect(first.lastSequence()).toBe(0);
    const old = first.append(decision("2026-09-22T08:30:00+09:00", "staffCard:1"));
    first.acknowledge([old.eventId]);
    first.close();

    const outbox = openAt(dataDir, "2026-10-22T00:00:00Z");
    expect(outbox.length()).toBe(0);
    expect(outbox.lastSequence()).toBe(old.sequence);
    const events = [1, 2, 3, 4].map((minute) =>
      outbox.append(decision(`2026-10-22T08:0${minute}:00+09:00`, `staffCard:${minute}`)),
    );
    outbox.acknowledge([events[2]?.eventId ?? ""]);

    expect(outbox.lastSequence()).toBe(events[3]?.sequence);
    expect(outbox.pendingAfter(events[0]?.sequence ?? 0, 10)).toEqual([events[1], events[3]]);
    expect(outbox.pendingAfter(events[0]?.sequence ?? 0, 1)).toEqual([events[1]]);
    expect(outbox.pendingAfter(events[3]?.sequence ?? 0, 10)).toEqual([]);
  });

  it("gives every event a distinct time-ordered id", () => {
    const outbox = openAt(makeTempDir(), "2026-09-22T00:00:00Z");
    const ids = Array.from(
      { length: 50 },
      (_, i) => outbox.append(decision("2026-09-22T08:30:00+09:00", `staffCard:${i}`)).eventId,
    );
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
  });

  it("still finds a card's punches after they were delivered, and survives a reopen", () => {
    const dataDir = makeTempDir();
    const outbox = openAt(dataDir, "2026-09-22T00:00:00Z");
    outbox.append(punch("2026-09-21T08:30:00+09:00", "jpki:ca#1", "in"));
    const morning = outbox.append(punch("2026-09-22T08:30:00+09:00", "jpki:ca#1", "in"));
    outbox.append(punch("2026-09-22T08:31:00+09:00", "jpki:ca#2", "in"));
    outbox.append(decision("2026-09-22T08:32:00+09:00", "jpki:ca#1"));
    const evening = outbox.append(punch("2026-09-22T17:30:00+09:00", "jpki:ca#1", "out"));
    outbox.acknowledge([morning.eventId]);
    outbox.close();

    const reopened = openAt(dataDir, "2026-09-22T09:00:00Z");
    // 2026-09-22T00:00+09:00 is 2026-09-21T15:00Z; offsets are compared as instants.
    expect(reopened.punchesSince("jpki:ca#1", "2026-09-21T15:00:00Z")).toEqual([morning, evening]);
  });

  it("prunes only delivered events older than two days when it opens", () => {
    const dataDir = makeTempDir();
    const outbox = openAt(dataDir, "2026-09-22T00:00:00Z");
    const oldDelivered = outbox.append(punch("2026-09-18T08:30:00+09:00", "uid:01", "in"));
    const oldPending = outbox.append(punch("2026-09-18T17:30:00+09:00", "uid:01", "out"));
    const recentDelivered = outbox.append(punch("2026-09-21T08:30:00+09:00", "uid:01", "in"));
    outbox.acknowledge([oldDelivered.eventId, recentDelivered.eventId]);
    outbox.close();

    openAt(dataDir, "2026-09-22T00:00:00Z").close();
    const db = new Database(join(dataDir, outboxFileName), { readonly: true });
    const ids = db.prepare<[], { event_id: string }>("SELECT event_id FROM outbox ORDER BY sequence").all();
    db.close();
    expect(ids.map((row) => row.event_id)).toEqual([oldPending.eventId, recentDelivered.eventId]);
  });

  it("keeps the database in WAL mode", () => {
    const dataDir = makeTempDir();
    openAt(dataDir, "2026-09-22T00:00:00Z").close();
    const db = new Database(join(dataDir, outboxFileName));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("refuses an event the protocol would refuse, and stores nothing", () => {
    const outbox = openAt(makeTempDir(), "2026-09-22T00:00:00Z");
    expect(() => outbox.append({ occurredAt: "2026-09-22T08:30:00+09:00", kind: "punch" })).toThrow();
    expect(outbox.length()).toBe(0);
  });
});
