import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { accessEventInputSchema } from "@tobira/protocol";
import Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { NewAgentEvent, Outbox, OutboxEvent } from "./outbox";
import { createUuidV7Generator } from "./uuid-v7";

export const outboxFileName = "outbox.db";

// Delivered events stay this long so the attendance terminal can still see today's punches.
const keepDeliveredMs = 2 * 24 * 60 * 60 * 1000;

interface OutboxRow {
  sequence: number;
  event_id: string;
  body: string;
}

// AUTOINCREMENT so a sequence number is never handed out twice, even after rows are deleted.
const schema = `
  CREATE TABLE IF NOT EXISTS outbox (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    credential_key TEXT,
    occurred_at_ms INTEGER NOT NULL,
    body TEXT NOT NULL,
    delivered INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (delivered, sequence);
  CREATE INDEX IF NOT EXISTS outbox_punches ON outbox (credential_key, occurred_at_ms) WHERE kind = 'punch';
`;

function parseInstantMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  return ms;
}

function toOutboxEvent(row: OutboxRow): OutboxEvent {
  const body: unknown = JSON.parse(row.body);
  const event = accessEventInputSchema.parse(
    typeof body === "object" && body !== null
      ? { ...body, eventId: row.event_id, sequence: row.sequence }
      : body,
  );
  return { ...event, eventId: row.event_id, sequence: row.sequence };
}

/**
 * The outbox in `<dataDir>/outbox.db`. WAL with synchronous=FULL: when `append` returns, the event
 * survives a crash or power cut, so the door may act on it.
 */
export function openSqliteOutbox(dataDir: string, clock: Clock): Outbox {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, outboxFileName));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec(schema);
  db.prepare("DELETE FROM outbox WHERE delivered = 1 AND occurred_at_ms < ?").run(
    clock().getTime() - keepDeliveredMs,
  );

  const nextEventId = createUuidV7Generator(clock);
  const insert = db.prepare(
    "INSERT INTO outbox (event_id, kind, credential_key, occurred_at_ms, body) VALUES (?, ?, ?, ?, ?)",
  );
  const selectPending = db.prepare<[number], OutboxRow>(
    "SELECT sequence, event_id, body FROM outbox WHERE delivered = 0 ORDER BY sequence LIMIT ?",
  );
  const selectPendingAfter = db.prepare<[number, number], OutboxRow>(
    "SELECT sequence, event_id, body FROM outbox WHERE delivered = 0 AND sequence > ? ORDER BY sequence LIMIT ?",
  );
  // AUTOINCREMENT's own record, so it stays right after delivered events are pruned.
  const selectLastSequence = db.prepare<[], { sequence: number }>(
    "SELECT seq AS sequence FROM sqlite_sequence WHERE name = 'outbox'",
  );
  const markDelivered = db.prepare("UPDATE outbox SET delivered = 1 WHERE event_id = ?");
  const countPending = db.prepare<[], { count: number }>(
    "SELECT count(*) AS count FROM outbox WHERE delivered = 0",
  );
  const selectPunches = db.prepare<[string, number], OutboxRow>(
    `SELECT sequence, event_id, body FROM outbox
     WHERE kind = 'punch' AND credential_key = ? AND occurred_at_ms >= ? ORDER BY sequence`,
  );
  const markAllDelivered = db.transaction((eventIds: readonly string[]) => {
    for (const eventId of eventIds) markDelivered.run(eventId);
  });

  return {
    append(event: NewAgentEvent): OutboxEvent {
      const eventId = nextEventId();
      const checked = accessEventInputSchema.parse({ ...event, eventId });
      const { eventId: _id, sequence: _sequence, ...body } = checked;
      const result = insert.run(
        eventId,
        body.kind,
        body.credentialKey ?? null,
        parseInstantMs(body.occurredAt),
        JSON.stringify(body),
      );
      return { ...body, eventId, sequence: Number(result.lastInsertRowid) };
    },
    pending: (limit) => selectPending.all(limit).map(toOutboxEvent),
    pendingAfter: (sequence, limit) => selectPendingAfter.all(sequence, limit).map(toOutboxEvent),
    lastSequence: () => selectLastSequence.get()?.sequence ?? 0,
    acknowledge(eventIds) {
      markAllDelivered(eventIds);
    },
    length: () => countPending.get()?.count ?? 0,
    punchesSince: (credentialKey, since) =>
      selectPunches.all(credentialKey, parseInstantMs(since)).map(toOutboxEvent),
    close() {
      if (db.open) db.close();
    },
  };
}
