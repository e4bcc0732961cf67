import { ingestAccessEvents } from "../access-events/ingest-access-events";
import type { Deps } from "../deps";

const maxStoredSkewMs = 2_147_483_647;

/**
 * The agent's clock minus the server's, assuming the hello took as long to arrive as the challenge:
 * the agent's time is compared with the midpoint of challenge sent and hello received.
 */
export function measureClockSkew(agentTime: string, challengeSentAt: Date, helloReceivedAt: Date): number {
  const midpoint = (challengeSentAt.getTime() + helloReceivedAt.getTime()) / 2;
  const skewMs = Math.round(Date.parse(agentTime) - midpoint);
  // Stored as a 32-bit integer: a clock reset to 1970 is reported as off by the most it can hold (~24 days).
  return Math.max(-maxStoredSkewMs, Math.min(maxStoredSkewMs, skewMs));
}

export function isSkewBeyondLimit(skewMs: number | null, limitMs: number): boolean {
  return skewMs !== null && Math.abs(skewMs) > limitMs;
}

/**
 * Doors decide schedules on the agent's clock, so a wrong one is recorded as an event of the agent's
 * reader, which raises a clock_skew alarm through the usual ingestion.
 */
export async function recordClockSkew(
  deps: Pick<Deps, "db" | "clock">,
  agentId: number,
  readerId: number,
  at: Date,
): Promise<void> {
  const iso = at.toISOString();
  await ingestAccessEvents(deps, readerId, [
    { eventId: `clock-skew:${agentId}:${iso}`, occurredAt: iso, kind: "clock_skew" },
  ]);
}
