/**
 * Counts login attempts per client address in a sliding window, in memory: a brake on password
 * guessing across many accounts. Per-account lockout (in the database) is the other brake.
 */
export class AddressThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt; returns the milliseconds to wait when over the limit, else 0. */
  hit(address: string, nowMs: number): number {
    const recent = (this.attempts.get(address) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(address, recent);
      return (recent[0] ?? nowMs) + this.windowMs - nowMs;
    }
    recent.push(nowMs);
    this.attempts.set(address, recent);
    if (this.attempts.size > 10_000) this.forgetOld(nowMs);
    return 0;
  }

  private forgetOld(nowMs: number): void {
    for (const [address, times] of this.attempts) {
      if (times.every((t) => t <= nowMs - this.windowMs)) this.attempts.delete(address);
    }
  }
}
