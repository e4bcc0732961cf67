import { describe, expect, it } from "vitest";
import { formatClock, formatDuration, normaliseClock, parseClock, parseDuration } from "./work-time";

describe("work times as timesheets write them", () => {
  it.each([
    ["8:30", 510],
    ["08:30", 510],
    ["31:00", 1860],
    ["47:59", 2879],
  ])("reads the clock time %s as minute %i of the work day", (text, minute) => {
    expect(parseClock(text)).toBe(minute);
    expect(parseClock(formatClock(minute))).toBe(minute);
  });

  it.each(["48:00", "8.30", "830", "08:60", ""])("refuses %j as a clock time", (text) => {
    expect(parseClock(text)).toBeNull();
  });

  it("writes 7:00 the next morning as 31:00", () => {
    expect(normaliseClock("31:00")).toBe("31:00");
    expect(normaliseClock("7:05")).toBe("07:05");
  });

  it.each([
    ["45:00", 2700],
    ["45", 2700],
    ["38:45", 2325],
    ["0:30", 30],
  ])("reads the duration %s as %i minutes", (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it("shows durations beyond a day in hours, not days", () => {
    expect(formatDuration(2325)).toBe("38:45");
    expect(formatDuration(720 * 60)).toBe("720:00");
  });
});
