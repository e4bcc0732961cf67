import type { WorkPatternInput } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import { countWeeklyMinutes, findPatternIssues, presentDays, storeDays } from "./pattern-days";

function patternOf(days: WorkPatternInput["days"]): WorkPatternInput {
  return { name: "試験", days };
}

describe("pattern days", () => {
  it("counts 7h45m a day for 8:30–17:15 less the noon hour", () => {
    const days = storeDays({
      "1": { start: "08:30", end: "17:15", breaks: [{ start: "12:00", end: "13:00" }] },
    });
    expect(countWeeklyMinutes(days)).toBe(465);
  });

  it("stores times as minutes of the work day and presents them back as written", () => {
    const written: WorkPatternInput["days"] = {
      "0": { start: "22:00", end: "31:00", breaks: [{ start: "25:00", end: "26:00" }] },
      "6": { start: "09:00", end: "12:00", breaks: [] },
    };
    const stored = storeDays(written);
    expect(stored["0"]).toEqual({ start: 1320, end: 1860, breaks: [{ start: 1500, end: 1560 }] });
    expect(presentDays(stored)).toEqual(written);
  });

  it("accepts breaks that touch each other and the day's edges, and a day of exactly 24 hours", () => {
    const issues = findPatternIssues(
      patternOf({
        "1": {
          start: "08:30",
          end: "17:15",
          breaks: [
            { start: "08:30", end: "09:00" },
            { start: "09:00", end: "09:15" },
            { start: "17:00", end: "17:15" },
          ],
        },
        "2": { start: "09:00", end: "33:00", breaks: [] },
      }),
    );
    expect(issues).toEqual([]);
  });

  it("names a break that ends before it starts", () => {
    const issues = findPatternIssues(
      patternOf({ "3": { start: "08:30", end: "17:15", breaks: [{ start: "13:00", end: "12:00" }] } }),
    );
    expect(issues).toEqual([{ path: "days.3.breaks.0.end", message: "must be after start" }]);
  });
});
