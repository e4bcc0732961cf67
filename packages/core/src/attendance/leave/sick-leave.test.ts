import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, toEpochDay } from "../../calendar/index";
import { defaultLeaveTypes } from "./default-leave-types";
import type { LeaveType } from "./leave-types";
import { checkSickLeave, countConsecutiveLeaveDays, type LeaveSpan } from "./sick-leave";

const sick = defaultLeaveTypes.find((type) => type.code === "sick");
// 2026-01-05 to 2026-03-31: 27 (January) + 28 (February) + 31 (March) = 86 days, weekends included.
const winter: LeaveSpan = { from: "2026-01-05", to: "2026-03-31" };

describe("checkSickLeave", () => {
  if (sick === undefined) throw new Error("The default table has no sick leave");

  it("accepts a spell that makes exactly 90 consecutive days", () => {
    expect(checkSickLeave(sick, { from: "2026-04-01", to: "2026-04-04" }, [winter])).toEqual({
      ok: true,
      consecutiveDays: 90,
    });
  });

  it("refuses a spell that makes 91 consecutive days, with the count and the limit", () => {
    expect(checkSickLeave(sick, { from: "2026-04-01", to: "2026-04-05" }, [winter])).toEqual({
      ok: false,
      reason: "over_consecutive_limit",
      consecutiveDays: 91,
      limitDays: 90,
    });
  });

  it("starts a new count after a day back at work", () => {
    expect(checkSickLeave(sick, { from: "2026-04-02", to: "2026-04-05" }, [winter])).toEqual({
      ok: true,
      consecutiveDays: 4,
    });
  });

  it("joins spells within the type's gap without counting the gap", () => {
    // With a 7-day join: 86 + 5 (04-04 to 04-08) = 91; the 3 days between are not counted.
    const joined: LeaveType = { ...sick, limit: { kind: "consecutiveDays", days: 90, joinGapDays: 7 } };
    expect(checkSickLeave(joined, { from: "2026-04-04", to: "2026-04-08" }, [winter])).toMatchObject({
      ok: false,
      consecutiveDays: 91,
    });
  });
});

describe("countConsecutiveLeaveDays", () => {
  it("counts days covered twice once", () => {
    // 03-20 to 04-02 overlaps the winter spell by 12 days: 86 + 2 = 88.
    expect(countConsecutiveLeaveDays({ from: "2026-03-20", to: "2026-04-02" }, [winter], 0)).toBe(88);
  });

  it("is at least the request's own days and at most the days from the first start to the last end", () => {
    const span = fc
      .record({ start: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 1, max: 40 }) })
      .map(({ start, length }) => ({
        from: addDays("2026-01-01", start),
        to: addDays("2026-01-01", start + length - 1),
      }));
    fc.assert(
      fc.property(
        span,
        fc.array(span, { maxLength: 6 }),
        fc.integer({ min: 0, max: 10 }),
        (request, history, gap) => {
          const days = countConsecutiveLeaveDays(request, history, gap);
          const all = [request, ...history];
          const first = Math.min(...all.map((each) => toEpochDay(each.from)));
          const last = Math.max(...all.map((each) => toEpochDay(each.to)));
          expect(days).toBeGreaterThanOrEqual(daysBetween(request.from, request.to) + 1);
          expect(days).toBeLessThanOrEqual(last - first + 1);
        },
      ),
    );
  });
});
