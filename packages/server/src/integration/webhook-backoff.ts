export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 10_000, capMs: 3_600_000 };

/**
 * How long to wait after the `failedAttempts`-th failure: base × 2^(n−1), capped, spread ±20 % by
 * `random` (0 ≤ random < 1) so subscribers that failed together do not retry together.
 */
export function retryDelayMs(failedAttempts: number, policy: BackoffPolicy, random: number): number {
  const exponential = policy.baseMs * 2 ** Math.max(0, failedAttempts - 1);
  const jittered = Math.min(exponential, policy.capMs) * (0.8 + 0.4 * random);
  return Math.round(Math.min(jittered, policy.capMs));
}
