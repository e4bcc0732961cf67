import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultBackoff, retryDelayMs } from "./webhook-backoff";

describe("retryDelayMs", () => {
  it.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [9, 2_560_000],
    [10, 3_600_000],
    [11, 3_600_000],
  ])("waits base × 2^(n−1) after failure %i, capped at an hour (no jitter at random 0.5)", (failures, ms) => {
    expect(retryDelayMs(failures, defaultBackoff, 0.5)).toBe(ms);
  });

  it("stays within ±20 % of the un-jittered delay and never above the cap", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (n, random) => {
          const plain = retryDelayMs(n, defaultBackoff, 0.5);
          const delay = retryDelayMs(n, defaultBackoff, random);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(plain * 0.8));
          expect(delay).toBeLessThanOrEqual(Math.min(Math.ceil(plain * 1.2), defaultBackoff.capMs));
        },
      ),
    );
  });
});
