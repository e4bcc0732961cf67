import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertLeaveAmountToMinutes, splitLeaveMinutes } from "./leave-duration";

describe("splitLeaveMinutes", () => {
  it.each([
    [9_300, 465, "20 d 0 h 0 min", { days: 20, hours: 0, minutes: 0 }], // 20 × 465 = 155 h
    [8_235, 465, "17 d 5 h 30 min", { days: 17, hours: 5, minutes: 30 }], // 17 × 465 = 7,905; 330 left
    [464, 465, "0 d 7 h 44 min", { days: 0, hours: 7, minutes: 44 }],
    [3_420, 360, "9 d 3 h 0 min", { days: 9, hours: 3, minutes: 0 }], // 9 × 360 = 3,240; 180 left
  ])("writes %i minutes with %i-minute days as %s", (minutes, minutesPerDay, _label, duration) => {
    expect(splitLeaveMinutes(minutes, minutesPerDay)).toEqual(duration);
  });

  it("adds back up to the minutes it split", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 60, max: 600 }),
        (minutes, perDay) => {
          const { days, hours, minutes: rest } = splitLeaveMinutes(minutes, perDay);
          expect(days * perDay + hours * 60 + rest).toBe(minutes);
          expect(hours * 60 + rest).toBeLessThan(perDay);
        },
      ),
    );
  });
});

describe("convertLeaveAmountToMinutes", () => {
  const standard = { minutesPerDay: 465, minutesPerHalfDay: null };

  it("weighs days by the person's day and hours as 60 minutes", () => {
    expect(convertLeaveAmountToMinutes({ unit: "day", count: 3 }, standard)).toEqual({
      ok: true,
      minutes: 1_395,
    });
    expect(convertLeaveAmountToMinutes({ unit: "hour", count: 10 }, standard)).toEqual({
      ok: true,
      minutes: 600,
    });
  });

  it("refuses half days where the town has none and weighs them where it has", () => {
    expect(convertLeaveAmountToMinutes({ unit: "halfDay", count: 1 }, standard)).toEqual({
      ok: false,
      error: "unit_not_allowed",
    });
    expect(
      convertLeaveAmountToMinutes(
        { unit: "halfDay", count: 2 },
        { minutesPerDay: 465, minutesPerHalfDay: 240 },
      ),
    ).toEqual({ ok: true, minutes: 480 });
  });

  it("refuses a part of an hour", () => {
    expect(convertLeaveAmountToMinutes({ unit: "hour", count: 1.5 }, standard)).toEqual({
      ok: false,
      error: "not_whole_units",
    });
  });
});
