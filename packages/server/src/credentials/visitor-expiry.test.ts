import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { resolveVisitorExpiry } from "./visitor-expiry";

function refusal(now: string, requested: string): string {
  try {
    resolveVisitorExpiry(new Date(now), requested);
  } catch (error) {
    if (error instanceof AppError) return error.issues?.[0]?.message ?? error.message;
    throw error;
  }
  return "accepted";
}

describe("resolveVisitorExpiry", () => {
  it("defaults to 23:59:59 of the issue day in Japan, whatever the UTC date", () => {
    expect(resolveVisitorExpiry(new Date("2026-09-22T01:00:00Z"), undefined)).toBe(
      "2026-09-22T14:59:59.000Z",
    );
    // 2026-09-22 23:30 UTC is already the 23rd in Japan.
    expect(resolveVisitorExpiry(new Date("2026-09-22T23:30:00Z"), undefined)).toBe(
      "2026-09-23T14:59:59.000Z",
    );
  });

  it.each([
    ["2026-09-22T17:00:00+09:00", "accepted"],
    ["2026-09-22T23:59:59+09:00", "accepted"],
    ["2026-09-22T14:59:59Z", "accepted"],
    ["2026-09-22T23:59:59.001+09:00", "must be 23:59:59 (Japan time) at the latest"],
    ["2026-09-23T00:00:00+09:00", "must fall on the issue day, 2026-09-22 (Japan time)"],
    ["2026-09-21T23:59:59+09:00", "must fall on the issue day, 2026-09-22 (Japan time)"],
    ["2026-09-22T10:00:00+09:00", "must be later than now"],
    ["2026-09-22T09:59:00+09:00", "must be later than now"],
  ])("at 10:00 on 2026-09-22, an expiry of %s is %s", (requested, expected) => {
    expect(refusal("2026-09-22T01:00:00Z", requested)).toBe(expected);
  });
});
