import { describe, expect, it } from "vitest";
import { validateLeaveUse } from "./validate-leave-use";

// 8,235 minutes = 17 days 5 h 30 min (17 × 465 = 7,905; 330 left).
const balance = { remainingMinutes: 8_235, remainingDaysAndHours: { days: 17, hours: 5, minutes: 30 } };

describe("validateLeaveUse", () => {
  it("accepts a request the balance covers to the minute", () => {
    expect(validateLeaveUse(balance, { minutes: 8_235 })).toEqual({ ok: true, remainingAfterMinutes: 0 });
  });

  it("refuses 18 days (8,370 minutes) against 17 days 5 h 30 min and says what remains", () => {
    expect(validateLeaveUse(balance, { minutes: 18 * 465 })).toEqual({
      ok: false,
      error: "insufficient_balance",
      remainingMinutes: 8_235,
      remaining: { days: 17, hours: 5, minutes: 30 },
    });
  });

  it("treats an empty request as a programming error", () => {
    expect(() => validateLeaveUse(balance, { minutes: 0 })).toThrow(RangeError);
  });
});
