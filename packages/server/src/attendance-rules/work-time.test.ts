import { describe, expect, it } from "vitest";
import { minutesFromWorkTime, workTimeFromMinutes } from "./work-time";

describe("work times", () => {
  it.each([
    ["00:00", 0],
    ["08:30", 510],
    ["17:15", 1035],
    ["24:00", 1440],
    ["31:00", 1860],
    ["47:59", 2879],
  ])("reads %s as %i minutes and writes it back", (time, minutes) => {
    expect(minutesFromWorkTime(time)).toBe(minutes);
    expect(workTimeFromMinutes(minutes)).toBe(time);
  });

  it("round-trips every minute of a two-day work day", () => {
    for (let minutes = 0; minutes < 48 * 60; minutes++) {
      expect(minutesFromWorkTime(workTimeFromMinutes(minutes))).toBe(minutes);
    }
  });

  it.each(["8:30", "08:60", "0830", "", "08:30:00"])("refuses %j", (time) => {
    expect(() => minutesFromWorkTime(time)).toThrow(RangeError);
  });

  it.each([-1, 1.5, Number.NaN])("refuses %d minutes", (minutes) => {
    expect(() => workTimeFromMinutes(minutes)).toThrow(RangeError);
  });
});
