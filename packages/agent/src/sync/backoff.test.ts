import { describe, expect, it } from "vitest";
import { computeBackoffMs, computeSpreadMs } from "./backoff";

const policy = { baseMs: 500, capMs: 30_000 };

describe("computeBackoffMs", () => {
  it.each([
    [0, 500],
    [1, 1000],
    [2, 2000],
    [5, 16_000],
    [6, 30_000],
    [40, 30_000],
  ])("waits at most base·2^attempt capped at 30 s (attempt %i → below %i ms)", (attempt, ceiling) => {
    expect(computeBackoffMs(attempt, () => 0.999_999, policy)).toBe(ceiling - 1);
    expect(computeBackoffMs(attempt, () => 0, policy)).toBe(0);
    expect(computeBackoffMs(attempt, () => 0.5, policy)).toBe(ceiling / 2);
  });
});

describe("computeSpreadMs", () => {
  it("stays between the bounds", () => {
    expect(computeSpreadMs(5000, 10_000, () => 0)).toBe(5000);
    expect(computeSpreadMs(5000, 10_000, () => 0.5)).toBe(7500);
    expect(computeSpreadMs(5000, 10_000, () => 0.999_999)).toBeLessThan(10_000);
  });
});
