export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** "Full jitter": a random wait up to base·2^attempt (capped), so restarted agents do not reconnect in step. */
export function computeBackoffMs(
  attempt: number,
  random: () => number,
  { baseMs, capMs }: BackoffPolicy,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** A wait between `minMs` and `maxMs`, spread so agents refused together do not return together. */
export function computeSpreadMs(minMs: number, maxMs: number, random: () => number): number {
  return Math.floor(minMs + random() * (maxMs - minMs));
}
