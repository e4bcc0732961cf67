import { describe, expect, it } from "vitest";
import { splitLeaveMinutes } from "../attendance/leave/leave-duration";
import type { LeavePayload } from "./request-types";
import { createTestFacts, createTestRequest } from "./requests.fixture";
import { validateRequest } from "./validate-request";

const leave = (overrides: Partial<LeavePayload> = {}) => ({
  kind: "leave" as const,
  payload: { leaveType: "annual", unit: "day" as const, date: "2026-11-30", reason: "", ...overrides },
});

function codesOf(result: ReturnType<typeof validateRequest>): string[] {
  return result.ok ? [] : result.problems.map((problem) => problem.code);
}

const balanceOf = (remainingMinutes: number) => ({
  annualLeaveBalance: { remainingMinutes, remainingDaysAndHours: splitLeaveMinutes(remainingMinutes, 465) },
});

describe("validateRequest: annual leave", () => {
  it("needs no reason", () => {
    expect(validateRequest(leave(), createTestFacts())).toEqual({ ok: true });
  });

  it.each([
    // A day takes 465 minutes (7 h 45 min).
    [465, []],
    [464, ["insufficient_balance"]],
  ])("a day against %i minutes left gives %j", (remaining, codes) => {
    expect(codesOf(validateRequest(leave(), createTestFacts(balanceOf(remaining))))).toEqual(codes);
  });

  it("counts only the scheduled days of a run: 11-20 (Fri) to 11-24 (Tue) is 2 days, 930 minutes", () => {
    // 11-21/22 are 週休日 and 11-23 is 勤労感謝の日.
    expect(
      codesOf(
        validateRequest(leave({ date: "2026-11-20", to: "2026-11-24" }), createTestFacts(balanceOf(930))),
      ),
    ).toEqual([]);
    const short = validateRequest(
      leave({ date: "2026-11-20", to: "2026-11-24" }),
      createTestFacts(balanceOf(929)),
    );
    expect(short.ok ? undefined : short.problems[0]?.params).toMatchObject({ requestedMinutes: 930 });
  });

  it("holds leave waiting for approval against the balance", () => {
    const waiting = createTestRequest("leave-1", leave({ date: "2026-12-01" }), {
      status: "pending",
      step: 0,
    });
    const facts = createTestFacts({ ...balanceOf(465), existingRequests: [waiting] });
    expect(codesOf(validateRequest(leave(), facts))).toEqual(["insufficient_balance"]);
  });

  it.each([
    // The day is 8:30 (510)–17:15 (1035) with the 12:00–13:00 break.
    [510, 570, []], // 8:30–9:30, 1 h
    [660, 840, []], // 11:00–14:00 is 2 working hours around the break
    [510, 555, ["hour_unit"]], // 45 minutes
    [480, 540, ["outside_schedule"]], // starts at 8:00
    [975, 1035, []], // 16:15–17:15
    [990, 1050, ["outside_schedule"]], // ends at 17:30
  ])("hourly leave %i–%i gives %j", (start, end, codes) => {
    expect(codesOf(validateRequest(leave({ unit: "hour", start, end }), createTestFacts()))).toEqual(codes);
  });

  it("asks for the times of hourly leave", () => {
    expect(codesOf(validateRequest(leave({ unit: "hour" }), createTestFacts()))).toEqual(["times_required"]);
  });

  it("refuses a half day where the type has none, and a day on a 週休日", () => {
    expect(
      codesOf(validateRequest(leave({ unit: "halfDay", start: 510, end: 720 }), createTestFacts())),
    ).toEqual(["unit_not_allowed"]);
    expect(codesOf(validateRequest(leave({ date: "2026-11-28" }), createTestFacts()))).toEqual([
      "not_a_work_day",
    ]);
  });

  it("takes a town's half day from the balance", () => {
    const facts = createTestFacts({
      ...balanceOf(232),
      leaveTypes: [
        {
          code: "annual",
          name: "年次有給休暇",
          units: ["day", "halfDay", "hour"],
          limit: { kind: "balance" },
          window: null,
          evidenceRequired: false,
          paid: true,
          eligible: ["regular"],
        },
      ],
      leaveUnits: { minutesPerDay: 465, minutesPerHalfDay: 233 },
    });
    expect(codesOf(validateRequest(leave({ unit: "halfDay", start: 510, end: 720 }), facts))).toEqual([
      "insufficient_balance",
    ]);
  });

  it("refuses leave overlapping approved leave", () => {
    const approved = createTestRequest("leave-1", leave({ unit: "hour", start: 510, end: 570 }), {
      status: "approved",
    });
    const facts = createTestFacts({ existingRequests: [approved] });
    expect(codesOf(validateRequest(leave(), facts))).toEqual(["overlaps_request"]);
    expect(codesOf(validateRequest(leave({ unit: "hour", start: 570, end: 630 }), facts))).toEqual([]);
  });

  it("refuses a type not in force", () => {
    expect(codesOf(validateRequest(leave({ leaveType: "sabbatical" }), createTestFacts()))).toEqual([
      "unknown_leave_type",
    ]);
  });
});

describe("validateRequest: special and sick leave", () => {
  it.each([
    ["2026-06-30", ["outside_window"]],
    ["2026-07-01", []],
    ["2026-09-30", []],
    ["2026-10-01", ["outside_window"]],
  ])("夏季休暇 on %s gives %j", (date, codes) => {
    expect(codesOf(validateRequest(leave({ leaveType: "summer", date }), createTestFacts()))).toEqual(codes);
  });

  it("limits 忌引 for a parent to 7 days and needs the event, the relation and evidence", () => {
    const bereavement = {
      leaveType: "bereavement",
      evidence: true,
      eventId: "death-1",
      relation: "parent" as const,
    };
    // 11-30 (Mon) to 12-08 (Tue) holds 7 workdays; to 12-09 holds 8.
    expect(codesOf(validateRequest(leave({ ...bereavement, to: "2026-12-08" }), createTestFacts()))).toEqual(
      [],
    );
    expect(codesOf(validateRequest(leave({ ...bereavement, to: "2026-12-09" }), createTestFacts()))).toEqual([
      "over_event_limit",
    ]);
    expect(codesOf(validateRequest(leave({ leaveType: "bereavement" }), createTestFacts()))).toEqual([
      "evidence_missing",
      "event_missing",
    ]);
    expect(
      codesOf(validateRequest(leave({ ...bereavement, relation: "parentInLaw" }), createTestFacts())),
    ).toEqual(["relation_not_covered"]);
  });

  it("limits sick leave to 90 consecutive calendar days", () => {
    // The spells touch, so they form one run; 週休日 inside a spell count as days of it.
    const sick = (date: string, to: string) => leave({ leaveType: "sick", date, to, evidence: true });
    const after = (from: string) => {
      const earlier = createTestRequest("sick-1", sick(from, "2026-08-30"), { status: "approved" });
      return validateRequest(
        sick("2026-08-31", "2026-08-31"),
        createTestFacts({ existingRequests: [earlier] }),
      );
    };
    // 06-03..08-30 is 28 + 31 + 30 = 89 days; with 08-31, 90: allowed.
    expect(codesOf(after("2026-06-03"))).toEqual([]);
    // 06-02..08-30 is 90 days; with 08-31, 91: refused.
    const refused = after("2026-06-02");
    expect(refused.ok ? [] : refused.problems).toEqual([
      expect.objectContaining({
        code: "over_consecutive_limit",
        params: { consecutiveDays: 91, limitDays: 90 },
      }),
    ]);
  });

  it("refuses 結婚休暇 to temporary staff", () => {
    const marriage = leave({ leaveType: "marriage", evidence: true, eventId: "wedding-1" });
    expect(codesOf(validateRequest(marriage, createTestFacts({ employmentType: "temporary" })))).toEqual([
      "not_eligible",
    ]);
  });
});
