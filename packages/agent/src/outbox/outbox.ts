import type { AccessEventInput } from "@tobira/protocol";

/** An event as the agent records it, before it has its id and sequence number. */
export type NewAgentEvent = Omit<AccessEventInput, "eventId" | "sequence">;

/** An event in the outbox: a time-ordered id (UUIDv7) and the agent's own running sequence number. */
export type OutboxEvent = AccessEventInput & { eventId: string; sequence: number };

/**
 * The agent's durable outbox (SQLite, synchronous=FULL): every event is written here before the door
 * acts on it, and leaves only when the server has acknowledged it.
 */
export interface Outbox {
  /** Writes the event durably and returns it as stored. Synchronous: when it returns, it is on disk. */
  append(event: NewAgentEvent): OutboxEvent;
  /** The oldest unacknowledged events, in sequence order. */
  pending(limit: number): OutboxEvent[];
  /** The oldest unacknowledged events appended after `sequence`, in sequence order. */
  pendingAfter(sequence: number, limit: number): OutboxEvent[];
  /** The sequence number of the newest event appended so far (0 before the first). */
  lastSequence(): number;
  /** Removes events the server acknowledged (accepted or duplicate). */
  acknowledge(eventIds: readonly string[]): void;
  length(): number;
  /** Punches recorded at or after `since` (ISO instant) for one card, oldest first, kept after delivery. */
  punchesSince(credentialKey: string, since: string): OutboxEvent[];
  close(): void;
}
