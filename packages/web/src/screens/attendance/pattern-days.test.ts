import { describe, expect, it } from "vitest";
import { type DayRow, daysFromRows, minutesOfDay, readDay, rowsFromPattern } from "./pattern-days";

const row = (start: string, end: string, breaks: string): DayRow => ({ off: false, start, end, breaks });

describe("a work pattern's weekday rows", () => {
  it("reads a night shift from 16:30 to 9:00 the next morning with two breaks", () => {
    const read = readDay(row("16:30", "33:00", "22:00-22:30, 26:00-27:00"));
    expect(read).toEqual({
      day: {
        start: "16:30",
        end: "33:00",
        breaks: [
          { start: "22:00", end: "22:30" },
          { start: "26:00", end: "27:00" },
        ],
      },
    });
    if ("day" in read) expect(minutesOfDay(read.day)).toBe(16.5 * 60 - 90);
  });

  it.each([
    [row("17:15", "08:30", ""), "order"],
    [row("8:30", "17:75", ""), "end"],
    [row("8:30", "17:15", "07:00-08:00"), "breaks"],
    [
      row("8:30", "17:15", "10:00-10:05, 11:00-11:05, 12:00-12:05, 13:00-13:05, 14:00-14:05"),
      "tooManyBreaks",
    ],
  ])("names what is wrong with %j", (input, problem) => {
    expect(readDay(input)).toEqual({ problem });
  });

  it("leaves days marked 勤務なし out, so they are the person's 週休日", () => {
    const { days, problems } = daysFromRows(rowsFromPattern(null));
    expect(problems).toEqual([]);
    expect(Object.keys(days).sort()).toEqual(["1", "2", "3", "4", "5"]);
    const total = Object.values(days).reduce((sum, day) => sum + minutesOfDay(day), 0);
    expect(total).toBe(38 * 60 + 45);
  });
});
