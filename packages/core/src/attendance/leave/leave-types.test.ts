import { describe, expect, it } from "vitest";
import { defaultLeaveTypes } from "./default-leave-types";
import { findLeaveType, findLeaveTypesOn, type LeaveType, type LeaveTypeVersion } from "./leave-types";

const threeDaySummer: LeaveType[] = defaultLeaveTypes.map((type) =>
  type.code === "summer" ? { ...type, limit: { kind: "perYear", days: 3, yearStartMonth: 1 } } : type,
);
const versions: LeaveTypeVersion[] = [
  { effectiveFrom: "2027-04-01", types: threeDaySummer },
  { effectiveFrom: "2020-04-01", types: defaultLeaveTypes },
];

describe("findLeaveTypesOn", () => {
  it("uses the table whose 施行日 came last on or before the date", () => {
    expect(findLeaveType(versions, "summer", "2026-07-01")?.limit).toEqual({
      kind: "perYear",
      days: 5,
      yearStartMonth: 1,
    });
    expect(findLeaveType(versions, "summer", "2027-07-01")?.limit).toEqual({
      kind: "perYear",
      days: 3,
      yearStartMonth: 1,
    });
  });

  it("has no types before the first 施行日 and no row for an unknown code", () => {
    expect(findLeaveTypesOn(versions, "2019-12-31")).toEqual([]);
    expect(findLeaveType(versions, "sabbatical", "2026-07-01")).toBeNull();
  });
});

describe("defaultLeaveTypes", () => {
  it("ships the common model's days", () => {
    const limits = Object.fromEntries(defaultLeaveTypes.map((type) => [type.code, type.limit]));
    expect(limits).toMatchObject({
      sick: { days: 90 },
      marriage: { days: 5 },
      bereavement: { days: { spouse: 7, parent: 7, child: 5, grandparent: 3, sibling: 3 } },
      summer: { days: 5 },
      childNursing: { days: 5, daysForTwoOrMore: 10 },
      shortTermCare: { days: 5, daysForTwoOrMore: 10 },
      spouseChildbirth: { days: 2 },
      paternalChildcare: { days: 5 },
      volunteer: { days: 5 },
    });
  });

  it("has one row per code", () => {
    const codes = defaultLeaveTypes.map((type) => type.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
