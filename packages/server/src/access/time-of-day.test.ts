import { describe, expect, it } from "vitest";
import { minutesFromTimeOfDay, timeOfDayFromMinutes } from "./time-of-day";

describe("times of day in schedules", () => {
  it.each([
    ["00:00", 0],
    ["08:30", 510],
    ["17:15", 1035],
    ["23:59", 1439],
    ["24:00", 1440],
  ])("reads %s as %i minutes after midnight and writes it back", (text, minutes) => {
    expect(minutesFromTimeOfDay(text)).toBe(minutes);
    expect(timeOfDayFromMinutes(minutes)).toBe(text);
  });

  it("refuses text that is not HH:MM", () => {
    expect(() => minutesFromTimeOfDay("8時半")).toThrow(RangeError);
  });
});
