import { describe, expect, it } from "vitest";
import { defaultLeaveTypes } from "./default-leave-types";
import type { LeaveType, Relation } from "./leave-types";
import { checkSpecialLeave, type SpecialLeaveRequest, type SpecialLeaveTaken } from "./special-leave";

function typeOf(code: string): LeaveType {
  const type = defaultLeaveTypes.find((candidate) => candidate.code === code);
  if (type === undefined) throw new Error(`No default leave type ${code}`);
  return type;
}

const request = (overrides: Partial<SpecialLeaveRequest>): SpecialLeaveRequest => ({
  from: "2026-08-10",
  to: "2026-08-10",
  amount: { unit: "day", count: 1 },
  minutesPerDay: 465,
  employmentType: "regular",
  evidenceProvided: true,
  eventId: null,
  relation: null,
  dependants: null,
  ...overrides,
});

describe("checkSpecialLeave: 夏季休暇", () => {
  const summer = typeOf("summer");

  it("accepts three days in August", () => {
    const check = checkSpecialLeave(
      summer,
      request({ to: "2026-08-12", amount: { unit: "day", count: 3 } }),
      [],
    );
    expect(check).toEqual({ ok: true });
  });

  it("refuses a day in October, outside July–September", () => {
    const check = checkSpecialLeave(summer, request({ from: "2026-10-05", to: "2026-10-05" }), []);
    expect(check).toEqual({
      ok: false,
      refusals: [{ reason: "outside_window", window: summer.window }],
    });
  });

  it("refuses a spell that runs from September into October", () => {
    const check = checkSpecialLeave(
      summer,
      request({ from: "2026-09-30", to: "2026-10-01", amount: { unit: "day", count: 2 } }),
      [],
    );
    expect(check.ok).toBe(false);
  });

  it("refuses three more days after three in July: 6 > 5 days", () => {
    // Taken 3 × 465 = 1,395; asked 1,395; 2,790 > 5 × 465 = 2,325.
    const taken: SpecialLeaveTaken[] = [
      {
        typeCode: "summer",
        from: "2026-07-21",
        to: "2026-07-23",
        amount: { unit: "day", count: 3 },
        eventId: null,
      },
    ];
    const check = checkSpecialLeave(
      summer,
      request({ to: "2026-08-12", amount: { unit: "day", count: 3 } }),
      taken,
    );
    expect(check).toEqual({
      ok: false,
      refusals: [{ reason: "over_year_limit", limitDays: 5, takenMinutes: 1_395, requestedMinutes: 1_395 }],
    });
  });

  it("does not count last summer's days against this summer", () => {
    const taken: SpecialLeaveTaken[] = [
      {
        typeCode: "summer",
        from: "2025-08-04",
        to: "2025-08-08",
        amount: { unit: "day", count: 5 },
        eventId: null,
      },
    ];
    expect(checkSpecialLeave(summer, request({}), taken)).toEqual({ ok: true });
  });
});

describe("checkSpecialLeave: 忌引休暇", () => {
  const bereavement = typeOf("bereavement");
  const forDeath = (relation: SpecialLeaveRequest["relation"], days: number) =>
    request({
      from: "2026-05-11",
      to: `2026-05-${String(10 + days).padStart(2, "0")}`,
      amount: { unit: "day", count: days },
      eventId: "death-2026-05-10",
      relation,
    });

  it("refuses 4 days for a grandparent, who is allowed 3", () => {
    // 4 × 465 = 1,860 > 3 × 465 = 1,395.
    expect(checkSpecialLeave(bereavement, forDeath("grandparent", 4), [])).toEqual({
      ok: false,
      refusals: [{ reason: "over_event_limit", limitDays: 3, takenMinutes: 0, requestedMinutes: 1_860 }],
    });
  });

  it.each<[Relation, number]>([
    ["grandparent", 3],
    ["sibling", 3],
    ["child", 5],
    ["parent", 7],
    ["spouse", 7],
  ])("accepts %s's death for %i days", (relation, days) => {
    expect(checkSpecialLeave(bereavement, forDeath(relation, days), [])).toEqual({ ok: true });
  });

  it("counts days already taken for the same death: 2 taken + 2 asked > 3", () => {
    const taken: SpecialLeaveTaken[] = [
      {
        typeCode: "bereavement",
        from: "2026-05-11",
        to: "2026-05-12",
        amount: { unit: "day", count: 2 },
        eventId: "death-2026-05-10",
      },
    ];
    const check = checkSpecialLeave(
      bereavement,
      { ...forDeath("grandparent", 2), from: "2026-05-13", to: "2026-05-14" },
      taken,
    );
    expect(check).toMatchObject({ ok: false, refusals: [{ reason: "over_event_limit", takenMinutes: 930 }] });
  });

  it("refuses a relation the table does not list, and a request with no relation", () => {
    expect(checkSpecialLeave(bereavement, forDeath("grandchild", 1), [])).toMatchObject({
      refusals: [{ reason: "relation_not_covered", relation: "grandchild" }],
    });
    expect(checkSpecialLeave(bereavement, forDeath(null, 1), [])).toMatchObject({
      refusals: [{ reason: "relation_not_covered", relation: null }],
    });
  });
});

describe("checkSpecialLeave: other rows", () => {
  it("lists every rule a request breaks: eligibility, evidence, unit and the missing event", () => {
    const check = checkSpecialLeave(
      typeOf("marriage"),
      request({ employmentType: "temporary", evidenceProvided: false, amount: { unit: "hour", count: 3 } }),
      [],
    );
    expect(check).toEqual({
      ok: false,
      refusals: [
        { reason: "not_eligible", employmentType: "temporary" },
        { reason: "evidence_missing" },
        { reason: "unit_not_allowed", unit: "hour" },
        { reason: "event_missing" },
      ],
    });
  });

  it("allows 子の看護 up to 10 days with two children and 5 with one", () => {
    // Taken 4 days + 7 h = 1,860 + 420 = 2,280; asking 1 hour more: 2,340 > 2,325 (5 days), ≤ 4,650 (10 days).
    const taken: SpecialLeaveTaken[] = [
      {
        typeCode: "childNursing",
        from: "2026-02-02",
        to: "2026-02-05",
        amount: { unit: "day", count: 4 },
        eventId: null,
      },
      {
        typeCode: "childNursing",
        from: "2026-03-02",
        to: "2026-03-02",
        amount: { unit: "hour", count: 7 },
        eventId: null,
      },
    ];
    const ask = (dependants: number | null) =>
      checkSpecialLeave(
        typeOf("childNursing"),
        request({ amount: { unit: "hour", count: 1 }, dependants }),
        taken,
      );
    expect(ask(2)).toEqual({ ok: true });
    expect(ask(1)).toEqual({
      ok: false,
      refusals: [{ reason: "over_year_limit", limitDays: 5, takenMinutes: 2_280, requestedMinutes: 60 }],
    });
    expect(ask(null)).toEqual({ ok: false, refusals: [{ reason: "dependants_missing" }] });
  });

  it("refuses a 91st consecutive day of sick leave through the same check", () => {
    // 2026-01-05 to 2026-03-31: 27 + 28 + 31 = 86 days; 2026-04-01 to 04-05 makes 91.
    const taken: SpecialLeaveTaken[] = [
      {
        typeCode: "sick",
        from: "2026-01-05",
        to: "2026-03-31",
        amount: { unit: "day", count: 86 },
        eventId: null,
      },
    ];
    const check = checkSpecialLeave(
      typeOf("sick"),
      request({ from: "2026-04-01", to: "2026-04-05", amount: { unit: "day", count: 5 } }),
      taken,
    );
    expect(check).toEqual({
      ok: false,
      refusals: [{ reason: "over_consecutive_limit", limitDays: 90, consecutiveDays: 91 }],
    });
  });

  it("treats a request that ends before it starts as a programming error", () => {
    expect(() => checkSpecialLeave(typeOf("summer"), request({ to: "2026-08-09" }), [])).toThrow(RangeError);
  });
});
